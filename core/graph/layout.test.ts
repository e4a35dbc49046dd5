import { describe, expect, it } from 'vitest'
import type { GraphResult } from '../protocol/api'
import { buildGraph } from './build'
import { graphDot } from './dot'
import { formatEntry, formatValue } from './format'
import { layoutGraph } from './layout'
import { graphSvg } from './svg'

function graphOf(expression: string, point: Record<string, number>): GraphResult {
  const result = buildGraph({ expression, point })
  if (!result.ok) throw new Error(expression)
  return result.value
}

describe('layoutGraph', () => {
  it('lays the graph out left to right: every input left of the node that uses it', () => {
    const graph = graphOf('u*v + (u*v)^2', { u: 2, v: 1 })
    const layout = layoutGraph(graph)
    for (const node of graph.nodes) {
      for (const input of node.inputs) {
        const from = layout.nodes[input]!
        expect(from.x + from.width).toBeLessThan(layout.nodes[node.id]!.x)
      }
    }
    expect(layout.edges).toHaveLength(graph.nodes.reduce((n, node) => n + node.inputs.length, 0))
    for (const box of layout.nodes) {
      expect(box.x + box.width).toBeLessThanOrEqual(layout.width)
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height)
    }
  })
  it('depends on the expression only, not on the point (layout once per expression)', () => {
    const a = layoutGraph(graphOf('x*x + sin(x)', { x: 1 }))
    const b = layoutGraph(graphOf('x*x + sin(x)', { x: -123.456 }))
    expect(b).toEqual(a)
    // x*x uses x twice: two edges, two ports.
    expect(a.edges.filter((edge) => edge.from === 0 && edge.to === 1)).toHaveLength(2)
  })
})

describe('drawings', () => {
  it('writes DOT in torchviz style and an SVG with one box per node', () => {
    const graph = graphOf('u*v + u^2', { u: 1, v: 2 })
    const dot = graphDot(graph)
    expect(dot).toContain('n3 [label="PowBackward0\\nu^2\\ndata=1 grad=1" fillcolor=lightgrey]')
    expect(dot).toContain('out [label="output\\n()" fillcolor=darkolivegreen1]')
    const svg = graphSvg(graph, layoutGraph(graph), { theme: 'dark' })
    expect(svg.match(/<rect x=/g)).toHaveLength(5)
    expect(svg).toContain('>data 1   grad 4</text>')
  })
  it('formats numbers compactly, a vector at its sample or whole', () => {
    expect([formatValue(-0.5), formatValue(1 / 3), formatValue(2e-7), formatValue(NaN)]).toEqual([
      '−0.5',
      '0.3333',
      '2e-7',
      'nan',
    ])
    expect(formatEntry([1, 2, 3], [3], 1)).toBe('2 [1/3]')
    expect(formatEntry([1, 2, 3], [3])).toBe('[1, 2, 3]')
    expect(formatEntry([1, 2, 3, 4, 5, 6, 7], [7])).toBe('[1, 2, …, 6, 7] (7)')
  })
})
