/**
 * `calculus-lab plot`: the explorer's chart drawn headlessly to a PNG. The options are checked here, before
 * anything heavy loads; Chart.js and the canvas are imported only when a picture is actually drawn, so
 * `grad` and `batch` start as fast as before.
 */
import { hasFiniteWidth, isVariableName } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import { plotSessionOf, type PlotSession } from '../png/session'
import { assertKnownOptions, parseNumber, parsePoint, UsageError, type ParsedArgs } from './args'

export type PlotBackground = 'white' | 'transparent' | 'dark'

export interface PlotOptions {
  expression: string
  point: Record<string, number>
  /** Given with --wrt, or chosen once the function's letters are known (see `choosePlotted`). */
  wrt: string | null
  domain: [number, number]
  out: string
  scale: 1 | 2 | 3
  background: PlotBackground
  /** A fixed sample count, drawn as points (the lab's linspace); null samples at the image's resolution. */
  samples: number | null
}

/** The chart's size in CSS pixels; the image is this times --scale. */
export const PLOT_SIZE = { width: 800, height: 480 } as const
const BACKGROUNDS: readonly PlotBackground[] = ['white', 'transparent', 'dark']

function single(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name)
  return typeof value === 'string' ? value : undefined
}

export function parsePlotArgs(args: ParsedArgs): PlotOptions {
  assertKnownOptions(args, [
    'wrt',
    'at',
    'from',
    'to',
    'out',
    'scale',
    'background',
    'samples',
    'timeout',
  ])
  const [expression, ...extra] = args.positionals
  if (expression === undefined) {
    throw new UsageError('plot needs an expression: plot "x^2" --at x=2 --out plot.png')
  }
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument '${extra[0]}'. Quote the expression.`)
  const wrt = single(args, 'wrt') ?? null
  if (wrt !== null && !isVariableName(wrt)) {
    throw new UsageError(`--wrt: '${wrt}' is not a variable (one letter, not e).`)
  }
  const at = single(args, 'at')
  const point = at === undefined ? {} : parsePoint(at)
  const from = parseNumber(single(args, 'from') ?? '-5', '--from')
  const to = parseNumber(single(args, 'to') ?? '5', '--to')
  if (!(from < to)) throw new UsageError(`--from (${from}) must be less than --to (${to}).`)
  if (!hasFiniteWidth(from, to)) {
    throw new UsageError(
      `--from ${from} --to ${to} is too wide: the width (to − from) overflows to Infinity.`,
    )
  }
  const out = single(args, 'out')
  if (out === undefined) throw new UsageError('plot needs --out, the PNG file to write.')
  if (!/\.png$/i.test(out)) throw new UsageError(`--out: '${out}' must end in .png.`)
  const scaleText = single(args, 'scale') ?? '1'
  if (!['1', '2', '3'].includes(scaleText)) {
    throw new UsageError(`--scale: '${scaleText}' is not one of 1, 2, 3.`)
  }
  const background = single(args, 'background') ?? 'white'
  if (!(BACKGROUNDS as readonly string[]).includes(background)) {
    throw new UsageError(`--background: '${background}' is not one of ${BACKGROUNDS.join(', ')}.`)
  }
  const samplesText = single(args, 'samples')
  let samples: number | null = null
  if (samplesText !== undefined) {
    samples = parseNumber(samplesText, '--samples')
    const { minSamples, maxPointSamples } = LIMITS
    if (!Number.isSafeInteger(samples) || samples < minSamples || samples > maxPointSamples) {
      throw new UsageError(
        `--samples: '${samplesText}' is not a whole number from ${minSamples} to ${maxPointSamples}.`,
      )
    }
  }
  return {
    expression,
    point,
    wrt,
    domain: [from, to],
    out,
    scale: Number(scaleText) as 1 | 2 | 3,
    background: background as PlotBackground,
    samples,
  }
}

/**
 * The plotted variable (--wrt, else x if the function uses it, else its first letter), and a check that
 * --at gives every letter a value: a plot is a slice through one point.
 */
export function choosePlotted(options: PlotOptions, variables: readonly string[]): string {
  const wrt = options.wrt ?? (variables.includes('x') ? 'x' : (variables[0] ?? 'x'))
  const needed = [...new Set([...variables, wrt])]
  const missing = needed.filter((name) => !(name in options.point))
  if (missing.length > 0) {
    const example = needed.map((name) => `${name}=${options.point[name] ?? 1}`).join(',')
    throw new UsageError(
      `--at needs a value for ${missing.join(', ')} (the point of the plot), e.g. --at ${example}.`,
    )
  }
  return wrt
}

export function sessionOf(options: PlotOptions, wrt: string): PlotSession {
  return plotSessionOf({ ...options, wrt, yRange: null })
}
