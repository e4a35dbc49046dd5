import { describe, expect, it } from 'vitest'
import { buildGraph } from './build'
import { BOX, layoutGraph } from './layout'
import { GRAPH_PALETTES } from './palette'
import { sampleX, sparklineStrip } from './sparkline'
import { graphSvg } from './svg'

const light = GRAPH_PALETTES.light

function sliceGraph(expression: string, samples: number) {
  const graph = buildGraph({
    expression,
    point: { x: 0 },
    slice: { wrt: 'x', domain: [-5, 5], samples },
  })
  if (!graph.ok) throw new Error(expression)
  return graph.value
}

const solidLines = (svg: string) =>
  [...svg.matchAll(/<path d="(M[^"]*)" fill="none" stroke="([^"]+)" stroke-width="1.4"\/>/g)]
    .filter((m) => m[2] === light.accent)
    .map((m) => m[1]!)

describe('graphSvg with sparklines', () => {
  it('draws data and grad of each vector over the samples, marked at the sample shown', () => {
    const graph = sliceGraph('x^2', 11)
    const layout = layoutGraph(graph)
    const svg = graphSvg(graph, layout, { theme: 'light', sample: 8 })
    // x and x^2 are vectors (a sparkline each); SumBackward0 is a scalar (none).
    expect(solidLines(svg)).toHaveLength(2)
    expect(svg.match(/stroke-dasharray="3 2"/g)).toHaveLength(2)
    const pow = graph.nodes.find((node) => node.name === 'PowBackward0')!
    const strip = sparklineStrip(layout.nodes[pow.id]!)
    // Sample 8 is x = 3: x^2 = 9 of a range 0…25, its marker 9/25 of the way up.
    const y = strip.y + strip.height * (1 - 9 / 25)
    const marker = `<circle cx="${sampleX(strip, 8, 11).toFixed(1)}" cy="${y.toFixed(1)}" r="2.6" fill="${light.accent}"/>`
    expect(svg).toContain(marker)
    expect(svg).toContain(`<tspan fill="${light.accent}">data</tspan> 9 [8/11]`)
    expect(layout.nodes[pow.id]!.height).toBe(BOX.height + BOX.lineHeight + BOX.sparkline)
  })

  it('breaks the line at a pole and draws no sparkline for a scalar graph', () => {
    const graph = sliceGraph('1/x', 11)
    const svg = graphSvg(graph, layoutGraph(graph), { theme: 'light', sample: 5 })
    // 1/x at x = 0 is inf: the reciprocal's line is two runs, and no marker sits at sample 5 on it.
    const reciprocal = solidLines(svg).find((d) => d.split('M').length - 1 === 2)
    expect(reciprocal).toBeDefined()
    // Markers only where the value at x = 0 is finite: x itself, and the gradients into 1/x's two nodes
    // (PyTorch's x.reciprocal() * 1: the sum's 1 into the product, 1·1 into the reciprocal); not the
    // values (inf) nor x.grad = -1/x² (-inf).
    expect(svg.match(/<circle/g)).toHaveLength(3)
    const point = buildGraph({ expression: 'x^2', point: { x: 1 } })
    if (!point.ok) throw new Error('x^2')
    const scalar = graphSvg(point.value, layoutGraph(point.value), { theme: 'light' })
    expect(solidLines(scalar)).toHaveLength(0)
    expect(scalar).not.toContain('<circle')
  })
})
