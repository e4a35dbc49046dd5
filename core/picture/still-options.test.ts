import { describe, expect, it } from 'vitest'
import { paletteFor } from './palette'
import { stillChartConfig } from './still-config'
import {
  backgroundColor,
  exportPalette,
  exportSize,
  exportTitle,
  graphTheme,
  initialExportOptions,
  suggestedFileName,
  type ExportScale,
} from './still-options'
import type { ChartScene } from './chart-config'

const scene: ChartScene = {
  plotted: { f: [{ x: 0, y: 0 }], df: [{ x: 0, y: 0 }], d2f: null },
  tangent: [],
  point: { x: 2, y: 4 },
  wrt: 'x',
  xDomain: [-5, 5],
  yRange: [-1, 25],
  showSecond: false,
  palette: paletteFor('light'),
  markers: true,
}

describe('export options', () => {
  it('start with the notebook included when it has cells, and left out when it is empty', () => {
    expect(initialExportOptions(3)).toMatchObject({ withNotebook: true, withGraph: false })
    expect(initialExportOptions(0)).toMatchObject({ withNotebook: false, withGraph: false })
    expect(initialExportOptions(0)).toMatchObject({ scale: 2, background: 'white' })
  })

  it('draw the graph light on white, and in the theme otherwise', () => {
    expect(graphTheme('white', 'dark')).toBe('light')
    expect(graphTheme('theme', 'dark')).toBe('dark')
    expect(graphTheme('transparent', 'dark')).toBe('dark')
    expect(graphTheme('theme', 'light')).toBe('light')
  })

  it('make the image the chart’s size times the scale', () => {
    const sizes = ([1, 2, 3] as ExportScale[]).map((scale) =>
      exportSize({ width: 990, height: 468 }, scale),
    )
    expect(sizes).toEqual([
      { width: 990, height: 468 },
      { width: 1980, height: 936 },
      { width: 2970, height: 1404 },
    ])
  })

  it('choose an opaque background for white and theme, none for transparent', () => {
    expect(backgroundColor('white', 'dark')).toBe('#ffffff')
    expect(backgroundColor('theme', 'light')).toBe('#ffffff')
    expect(backgroundColor('theme', 'dark')).toBe('#131b2e')
    expect(backgroundColor('transparent', 'dark')).toBeNull()
  })

  it('draw a white image in the light colours whatever the theme, so text stays readable', () => {
    expect(exportPalette('white', 'dark')).toEqual(paletteFor('light'))
    expect(exportPalette('theme', 'dark')).toEqual(paletteFor('dark'))
  })

  it('title the image with the function and the point', () => {
    const session = {
      expression: 'u*v + u^2',
      point: { x: 2, u: 1, v: 2 },
      wrt: 'u',
      domain: [-4, 3] as [number, number],
      yRange: null,
      samples: null,
      showSecond: false,
    }
    expect(exportTitle(session, ['u', 'v'])).toBe('f(u, v) = u*v + u^2,  at u = 1, v = 2')
    expect(exportTitle({ ...session, expression: '3' }, [])).toBe('f(u) = 3,  at u = 1')
  })

  it('name the file after the function, with only safe characters', () => {
    expect(suggestedFileName('x^2 + 2x + 1')).toBe('calculus-lab-x2-2x-1.png')
    expect(suggestedFileName('u*v + (u*v)**2')).toBe('calculus-lab-u-v-u-v-2.png')
    expect(suggestedFileName('../../etc/passwd')).toBe('calculus-lab-etc-passwd.png')
    expect(suggestedFileName('π·x')).toBe('calculus-lab-x.png')
    expect(suggestedFileName('***')).toBe('calculus-lab.png')
  })
})

describe('the still chart configuration', () => {
  it('draws the explorer’s chart at a fixed pixel ratio with a title and no tooltip', () => {
    const config = stillChartConfig(scene, { title: 'f(x) = x^2', background: '#ffffff', scale: 3 })
    expect(config.options?.responsive).toBe(false)
    expect(config.options?.devicePixelRatio).toBe(3)
    expect(config.options?.plugins?.title).toMatchObject({ display: true, text: 'f(x) = x^2' })
    expect(config.options?.plugins?.tooltip).toEqual({ enabled: false })
    expect(config.data.datasets.map((d) => d.label)).toEqual([
      'f(x)',
      'f′(x) = ∂f/∂x',
      'tangent at the point',
      'the point',
      'f″(x)',
      // The graph panel's node curve: hidden, as no node is focused.
      'graph node',
      'kink or pole',
      'x.grad on a kink',
      'one-sided tangents',
      'points of interest',
      // The finite differences: hidden, as the check is off.
      'finite differences',
      // The graph node's gradient: hidden, as no node is focused.
      'graph node gradient',
    ])
    expect(config.data.datasets[5]?.hidden).toBe(true)
    expect(config.data.datasets[10]?.hidden).toBe(true)
    // Sampled steps keep their points in the image too.
    const radius = config.data.datasets[0]?.pointRadius as (context: { raw: object }) => number
    expect(radius({ raw: { x: 0, y: 0 } })).toBe(3.5)
    // A kink's corner inserted by the core's marks is not a sample: no dot.
    expect(radius({ raw: { x: 0, y: 0, inserted: true } })).toBe(0)
  })

  it('paints an opaque background only when one is asked for', () => {
    const opaque = stillChartConfig(scene, { title: '', background: '#ffffff', scale: 1 })
    const clear = stillChartConfig(scene, { title: '', background: null, scale: 1 })
    expect(opaque.plugins?.map((plugin) => plugin.id)).toEqual(['calculusLabBackground'])
    expect(clear.plugins).toEqual([])
  })
})
