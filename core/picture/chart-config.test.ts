import type { Chart } from 'chart.js'
import { describe, expect, it } from 'vitest'
import { applyScene, createChartConfig, DATASET, styleKey, type ChartScene } from './chart-config'
import { paletteFor } from './palette'
import type { PlotPoint } from './series'

function scene(overrides: Partial<ChartScene> = {}): ChartScene {
  return {
    plotted: {
      f: [
        { x: 0, y: 0 },
        { x: 1, y: 1 },
      ],
      df: [
        { x: 0, y: 0 },
        { x: 1, y: 2 },
      ],
      d2f: null,
    },
    tangent: [
      { x: 0, y: -1 },
      { x: 1, y: 1 },
    ],
    point: { x: 1, y: 1 },
    wrt: 'x',
    xDomain: [0, 1],
    yRange: [-1, 2],
    showSecond: false,
    palette: paletteFor('light'),
    ...overrides,
  }
}

describe('createChartConfig', () => {
  it('is set up for live updates: no parsing, sorted data, no animation, no point markers', () => {
    const config = createChartConfig(scene())
    expect(config.options).toMatchObject({
      animation: false,
      parsing: false,
      normalized: true,
      plugins: { decimation: { enabled: true } },
    })
    expect(config.data.datasets[DATASET.f]).toMatchObject({ pointRadius: 0, spanGaps: false })
    expect(config.data.datasets[DATASET.df]?.pointRadius).toBe(0)
  })

  it('draws f blue, f′ orange, the tangent dashed, with fixed axis ranges and titles', () => {
    const config = createChartConfig(scene())
    const [f, df, tangent] = config.data.datasets
    expect(f?.borderColor).toBe('#1f77b4')
    expect(df?.borderColor).toBe('#ff7f0e')
    expect(tangent?.borderDash).toEqual([6, 5])
    expect(config.options?.scales?.x).toMatchObject({ min: 0, max: 1, title: { text: 'x' } })
    expect(config.options?.scales?.y).toMatchObject({ min: -1, max: 2 })
  })

  it('hides f″ until it is asked for', () => {
    expect(createChartConfig(scene()).data.datasets[DATASET.d2f]?.hidden).toBe(true)
    const withSecond = scene({ showSecond: true })
    withSecond.plotted.d2f = [{ x: 0, y: 2 }]
    expect(createChartConfig(withSecond).data.datasets[DATASET.d2f]?.hidden).toBe(false)
  })

  it('draws finite differences as dots over f′, only when asked for', () => {
    const off = createChartConfig(scene()).data.datasets
    expect(off).toHaveLength(Object.keys(DATASET).length)
    expect(off[DATASET.fd]).toMatchObject({ hidden: true, data: [] })
    const fd = {
      precision: 'float32' as const,
      dots: [{ x: 1, y: 2.1 }],
      error: [{ x: 1, y: 0.1 }],
    }
    const on = createChartConfig(scene({ fd })).data.datasets[DATASET.fd]
    expect(on).toMatchObject({ hidden: false, showLine: false, data: fd.dots })
    expect(on?.label).toBe('finite differences (float32)')
  })
})

describe('the graph node’s curves', () => {
  it('draws the focused node’s value and, on request, its gradient, each only when there is one', () => {
    const off = createChartConfig(scene()).data.datasets
    expect(off[DATASET.node]).toMatchObject({ hidden: true, data: [] })
    expect(off[DATASET.nodeGradient]).toMatchObject({ hidden: true, data: [] })
    const data = [{ x: 0, y: 1 }]
    const on = createChartConfig(
      scene({
        nodeCurve: { label: 'u^2 (PowBackward0)', data },
        nodeGradient: { label: '∂f/∂(u^2)', data },
      }),
    ).data.datasets
    expect(on[DATASET.node]).toMatchObject({ hidden: false, label: 'u^2 (PowBackward0)', data })
    expect(on[DATASET.nodeGradient]).toMatchObject({ hidden: false, label: '∂f/∂(u^2)', data })
  })

  it('updates the gradient curve in place', () => {
    const config = createChartConfig(scene())
    const chart = { data: config.data, options: config.options } as unknown as Chart<
      'line',
      PlotPoint[]
    >
    const data = [{ x: 0, y: 2 }]
    applyScene(chart, scene({ nodeGradient: { label: '∂f/∂(u*v)', data } }))
    expect(chart.data.datasets[DATASET.nodeGradient]).toMatchObject({ hidden: false, data })
    applyScene(chart, scene())
    expect(chart.data.datasets[DATASET.nodeGradient]).toMatchObject({ hidden: true, data: [] })
  })
})

describe('applyScene', () => {
  it('replaces data and ranges in place, keeping the dataset objects', () => {
    const config = createChartConfig(scene())
    const chart = { data: config.data, options: config.options } as unknown as Chart<
      'line',
      PlotPoint[]
    >
    const fDataset = chart.data.datasets[DATASET.f]
    const next = scene({ xDomain: [-2, 2], yRange: [0, 5], point: { x: 2, y: 4 } })
    applyScene(chart, next)
    expect(chart.data.datasets[DATASET.f]).toBe(fDataset)
    expect(chart.data.datasets[DATASET.point]?.data).toEqual([{ x: 2, y: 4 }])
    expect(chart.options.scales?.x).toMatchObject({ min: -2, max: 2 })
    expect(chart.options.scales?.y).toMatchObject({ min: 0, max: 5 })
  })

  it('turns the finite-difference dots on and off in place', () => {
    const config = createChartConfig(scene())
    const chart = { data: config.data, options: config.options } as unknown as Chart<
      'line',
      PlotPoint[]
    >
    const dots = [{ x: 0, y: 0 }]
    applyScene(chart, scene({ fd: { precision: 'float64', dots, error: [] } }))
    expect(chart.data.datasets[DATASET.fd]).toMatchObject({ hidden: false, data: dots })
    applyScene(chart, scene())
    expect(chart.data.datasets[DATASET.fd]).toMatchObject({ hidden: true, data: [] })
  })

  it('needs a new chart only when the theme or the plotted variable changes', () => {
    expect(styleKey(scene())).toBe(styleKey(scene({ yRange: [0, 9] })))
    expect(styleKey(scene())).not.toBe(styleKey(scene({ wrt: 'u' })))
    expect(styleKey(scene())).not.toBe(styleKey(scene({ palette: paletteFor('dark') })))
  })
})

describe('the legend', () => {
  const shown = (chartScene: ChartScene) => {
    const config = createChartConfig(chartScene)
    const filter = config.options?.plugins?.legend?.labels?.filter
    if (!filter) throw new Error('the legend filters its entries')
    return config.data.datasets.flatMap((dataset, datasetIndex) =>
      filter(
        { datasetIndex, hidden: dataset.hidden ?? false, text: String(dataset.label) },
        config.data,
      )
        ? [String(dataset.label)]
        : [],
    )
  }

  it('names f′ and the tangent only while they are drawn', () => {
    const drawn = shown(scene())
    expect(drawn).toContain('f(x)')
    expect(drawn.some((label) => label.startsWith('f′'))).toBe(true)
    expect(drawn.some((label) => label.includes('tangent'))).toBe(true)
    const withheld = shown(scene({ plotted: { ...scene().plotted, df: [] }, tangent: [] }))
    expect(withheld).toContain('f(x)')
    expect(withheld.some((label) => label.startsWith('f′') || label.includes('tangent'))).toBe(
      false,
    )
  })
})
