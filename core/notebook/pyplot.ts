import { LIMITS } from '../protocol/limits'
import { MATPLOTLIB_CYCLE, type Figure, type FigureSeries } from '../protocol/notebook'
import { bind } from './args'
import { emit, warn } from './context'
import { notSupported, PyError, runtimeError, typeError } from './errors'
import { fn } from './torch-module'
import { NbTensor } from './tensor'
import { values } from './tensor-str'
import { addressOf, list, type PyModule, type PyValue } from './values'

/**
 * matplotlib.pyplot (and matplotlib.pylab, which re-exports it) as far as the lab uses it: plot with a
 * label, xlabel, ylabel, title, legend, show, figure. Colours follow the default cycle C0…C9; a figure is
 * emitted by show(), or at the end of the cell if it has lines (as Jupyter's inline backend does).
 */
interface FigureState {
  figure: Figure
  next: number
  touched: boolean
}

const blank = (): FigureState => ({
  figure: { series: [], xlabel: '', ylabel: '', title: '', legend: false },
  next: 0,
  touched: false,
})

const NAMED_COLOURS: Record<string, string> = {
  b: '#0000ff',
  g: '#008000',
  r: '#ff0000',
  c: '#00bfbf',
  m: '#bf00bf',
  y: '#bfbf00',
  k: '#000000',
  w: '#ffffff',
  blue: '#0000ff',
  green: '#008000',
  red: '#ff0000',
  black: '#000000',
  orange: '#ffa500',
  purple: '#800080',
}

function colourOf(value: PyValue): { color: string; cycle: string | null } {
  if (typeof value !== 'string') throw notSupported('a colour that is not a string')
  const cycle = /^C(\d)$/.exec(value)
  if (cycle) return { color: MATPLOTLIB_CYCLE[Number(cycle[1])]!, cycle: value }
  if (/^#[0-9a-fA-F]{6}$/.test(value)) return { color: value.toLowerCase(), cycle: null }
  const named = NAMED_COLOURS[value]
  if (!named) throw notSupported(`the colour '${value}'`)
  return { color: named, cycle: null }
}

function numbers(value: PyValue): number[] {
  if (value instanceof NbTensor) {
    if (value.t.requiresGrad)
      throw runtimeError(
        "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
      )
    return values(value)
  }
  if (typeof value === 'object' && value !== null) {
    if (value.kind === 'ndarray') return value.data
    if (value.kind === 'list' || value.kind === 'tuple')
      return value.items.map((item) => {
        if (typeof item === 'number') return item
        if (typeof item === 'bigint') return Number(item)
        if (typeof item === 'boolean') return item ? 1 : 0
        if (item instanceof NbTensor && item.numel === 1 && !item.t.requiresGrad)
          return item.t.data[0]!
        throw notSupported('plotting a list of this kind of value')
      })
  }
  if (typeof value === 'number' || typeof value === 'bigint') return [Number(value)]
  throw notSupported('plotting this kind of value')
}

function text(value: PyValue | undefined, name: string, parameter = name): string {
  if (typeof value === 'string') return value
  if (value === undefined)
    throw typeError(`${name}() missing 1 required positional argument: '${parameter}'`)
  if (value === null) return 'None'
  if (typeof value === 'number' || typeof value === 'bigint') return String(value)
  throw notSupported(`a ${name} that is not a string`)
}

const textRepr = (x: string, y: string, label: string): PyValue => ({
  kind: 'opaque',
  typeName: 'Text',
  repr: `Text(${x}, ${y}, '${label.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}')`,
})

/** pyplot's text setters: the parameter each takes, and where matplotlib puts the Text it returns. */
const TEXT_SETTERS = [
  { name: 'xlabel', parameter: 'xlabel', x: '0.5', y: '0' },
  { name: 'ylabel', parameter: 'ylabel', x: '0', y: '0.5' },
  { name: 'title', parameter: 'label', x: '0.5', y: '1.0' },
] as const

export function pyplotModule(name: string): PyModule {
  let state = blank()
  const show = () => {
    if (state.touched) emit({ type: 'figure', figure: state.figure })
    state = blank()
  }
  const attrs = new Map<string, PyValue>([
    [
      'plot',
      fn('plot', (args, kwargs) => {
        const data = args.filter((a) => typeof a !== 'string')
        if (args.some((a) => typeof a === 'string'))
          throw notSupported("plot()'s format strings ('r-', 'o')")
        if (data.length === 0 || data.length > 2)
          throw notSupported('plot() with other than one or two arrays')
        for (const key of kwargs.keys())
          if (key !== 'label' && key !== 'color' && key !== 'c')
            throw notSupported(`plot(…, ${key}=)`)
        const y = numbers(data[data.length - 1]!)
        const x = data.length === 2 ? numbers(data[0]!) : y.map((_, i) => i)
        if (x.length !== y.length)
          throw new PyError(
            'ValueError',
            `x and y must have same first dimension, but have shapes (${x.length},) and (${y.length},)`,
          )
        if (state.figure.series.length >= LIMITS.notebook.seriesPerFigure)
          throw notSupported(`more than ${LIMITS.notebook.seriesPerFigure} lines in one figure`)
        const label = kwargs.get('label')
        const colour = kwargs.get('color') ?? kwargs.get('c')
        const { color, cycle } =
          colour !== undefined
            ? colourOf(colour)
            : { color: MATPLOTLIB_CYCLE[state.next % 10]!, cycle: `C${state.next % 10}` }
        if (colour === undefined) state.next++
        const series: FigureSeries = {
          x,
          y,
          label: label === undefined || label === null ? null : text(label, 'label'),
          color,
          cycle,
        }
        state.figure.series.push(series)
        state.touched = true
        const line = { kind: 'opaque' as const, typeName: 'Line2D', repr: '' }
        line.repr = `<matplotlib.lines.Line2D object at ${addressOf(line)}>`
        return list([line])
      }),
    ],
    ...TEXT_SETTERS.map(({ name, parameter, x, y }): [string, PyValue] => [
      name,
      fn(name, (args, kwargs) => {
        const bound = bind(name, args, kwargs, [parameter], 1)
        state.figure[name] = text(bound.get(parameter), name, parameter)
        state.touched = true
        return textRepr(x, y, state.figure[name])
      }),
    ]),
    [
      'legend',
      fn('legend', (args, kwargs) => {
        if (args.length > 0 || kwargs.size > 0) throw notSupported('legend() with arguments')
        state.touched = true
        if (!state.figure.series.some((s) => s.label !== null && !s.label.startsWith('_')))
          warn(
            'No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.',
            'library',
          )
        state.figure.legend = true
        const legend = { kind: 'opaque' as const, typeName: 'Legend', repr: '' }
        legend.repr = `<matplotlib.legend.Legend object at ${addressOf(legend)}>`
        return legend
      }),
    ],
    [
      'show',
      fn('show', (args, kwargs) => {
        bind('show', args, kwargs, [], 0, ['block'])
        show()
        return null
      }),
    ],
    [
      'figure',
      fn('figure', (args, kwargs) => {
        if (args.length > 0 || kwargs.size > 0) throw notSupported('figure() with arguments')
        show()
        state.touched = true
        const figure = {
          kind: 'opaque' as const,
          typeName: 'Figure',
          repr: '<Figure size 640x480 with 0 Axes>',
        }
        return figure
      }),
    ],
  ])
  const module: PyModule & { flush: () => void } = {
    kind: 'module',
    name,
    attrs,
    flush: () => show(),
  }
  return module
}

/** Ends the cell as Jupyter's inline backend does: a figure with something drawn is shown. */
export function flushFigures(module: PyModule | undefined): void {
  const withFlush = module as (PyModule & { flush?: () => void }) | undefined
  withFlush?.flush?.()
}

/** numpy is recognized (`import numpy as np`) and has its real names, none of which the notebook runs. */
export function numpyModule(): PyModule {
  return { kind: 'module', name: 'numpy', attrs: new Map() }
}
