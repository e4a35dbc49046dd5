import { describe, expect, it } from 'vitest'
import { besideLayout, GRAPH_GAP, GRAPH_MARGIN } from './compose'

describe('besideLayout', () => {
  it('puts the graph right of the chart at the chart’s scale, centred, on an image as tall as the chart', () => {
    const chart = { width: 990 * 2, height: 468 * 2 }
    const layout = besideLayout(chart, { width: 520, height: 230 }, 2)
    expect(layout.chart).toEqual({ x: 0, y: 0, width: 1980, height: 936 })
    expect(layout.graph).toEqual({
      x: 1980 + GRAPH_GAP * 2,
      y: (936 - 460) / 2,
      width: 1040,
      height: 460,
    })
    expect(layout.width).toBe(1980 + GRAPH_GAP * 2 + 1040 + GRAPH_MARGIN * 2)
    expect(layout.height).toBe(936)
  })

  it('shrinks a graph taller than the chart to fit inside its margins, keeping its shape', () => {
    const layout = besideLayout({ width: 600, height: 300 }, { width: 200, height: 536 }, 1)
    expect(layout.graph.height).toBe(300 - 2 * GRAPH_MARGIN)
    expect(layout.graph.width).toBe(Math.round((200 * (300 - 2 * GRAPH_MARGIN)) / 536))
    expect(layout.graph.y).toBe(GRAPH_MARGIN)
    expect(layout.height).toBe(300)
  })

  it('shrinks a graph wider than the chart to the chart’s width, and never enlarges a small one', () => {
    const wide = besideLayout({ width: 1800, height: 900 }, { width: 2400, height: 100 }, 3)
    expect(wide.graph.width).toBe(1800)
    expect(wide.graph.height).toBe(75)
    const small = besideLayout({ width: 600, height: 300 }, { width: 150, height: 100 }, 1)
    expect([small.graph.width, small.graph.height]).toEqual([150, 100])
  })
})
