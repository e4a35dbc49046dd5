import { describe, expect, it } from 'vitest'
import { evaluate } from '../evaluate/service'
import { inProcessApi } from '../test-support/in-process-api'
import type { GraphNode, GraphRequest, GraphResult } from '../protocol/api'
import { buildGraph } from './build'
import fixture from './torch-graphs.fixture.json'
import { TORCH_GRAPH_CASES } from './torch-cases'

function graphOf(...args: Parameters<typeof buildGraph>): GraphResult {
  const result = buildGraph(...args)
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics))
  return result.value
}

/** The graph as scripts/graph-torch-fixture.ts prints PyTorch's: names, inputs in order. */
function tree(graph: GraphResult, id: number): string {
  const node = graph.nodes[id]!
  const kids = node.inputs.map((input) => tree(graph, input))
  return kids.length > 0 ? `${node.name}(${kids.join(',')})` : node.name
}

function byLabel(graph: GraphResult, label: string): GraphNode {
  const node = graph.nodes.find((candidate) => candidate.label === label)
  if (!node) throw new Error(`no node ${label}`)
  return node
}

describe('the graph matches the one PyTorch 1.13 records', () => {
  it('has a fixture for every case', () => {
    expect(fixture.map((entry) => entry.request)).toEqual(TORCH_GRAPH_CASES)
  })
  it.each(fixture.map((entry) => [entry.request.expression, entry] as const))('%s', (_, entry) => {
    const graph = graphOf(TORCH_GRAPH_CASES[fixture.indexOf(entry)]!)
    expect(tree(graph, graph.output!)).toBe(entry.tree)
    expect(graph.nodes).toHaveLength(entry.nodes)
    // The backward steps in the order PyTorch's engine ran them (hooks fired in that order).
    expect(graph.steps.map((step) => graph.nodes[step.node]!.name)).toEqual(entry.order)
  })
})

describe('buildGraph', () => {
  it("gives the leaves evaluate's gradient exactly", () => {
    const cases: GraphRequest[] = [
      { expression: 'u*v + (u*v)^2', point: { u: 2, v: 1 } },
      { expression: 'sin(x) * exp(x) + log(x)', point: { x: 0.7 } },
      { expression: 'x^y / (1 + x*y)', point: { x: 1.3, y: -0.4 } },
    ]
    for (const request of cases) {
      const graph = graphOf(request)
      const wrt = Object.keys(request.point)[0]!
      const evaluated = evaluate({ ...request, wrt, domain: [-1, 1], samples: 2 })
      if (!evaluated.ok) throw new Error('evaluate failed')
      const leaves = graph.nodes.filter((node) => node.kind === 'leaf')
      expect(leaves.map((leaf) => leaf.label).sort()).toEqual(evaluated.value.variables)
      for (const leaf of leaves)
        expect(leaf.gradient).toEqual([evaluated.value.gradient[leaf.label]])
      expect(graph.nodes[graph.output!]!.value).toEqual([evaluated.value.value])
    }
  })

  it('records 2 / x as PyTorch does, x.reciprocal() * 2, labelled and spanned in the input', () => {
    const expression = '2 / x + 1'
    const graph = graphOf({ expression, point: { x: 4 } })
    const reciprocal = byLabel(graph, '1/x')
    expect(reciprocal).toMatchObject({ name: 'ReciprocalBackward0', value: [0.25], gradient: [2] })
    // Both nodes are recorded by the text `2 / x`.
    expect(expression.slice(...reciprocal.spans[0]!)).toBe('2 / x')
    const scaled = byLabel(graph, '2 / x')
    expect(scaled).toMatchObject({ name: 'MulBackward0', constants: ['2'], value: [0.5] })
    expect(scaled.inputs).toEqual([reciprocal.id])
    // −2/x² at 4, as the chain −(2·1)·(¼·¼)
    expect(byLabel(graph, 'x').gradient).toEqual([-0.125])
  })

  it('shows the chain rule at MulBackward0 for u·v at (1, 2): ∂/∂u gets 1 × v = 2', () => {
    const graph = graphOf({ expression: 'u*v + u^2', point: { u: 1, v: 2 } })
    const mul = byLabel(graph, 'u*v')
    const step = graph.steps.find((candidate) => candidate.node === mul.id)!
    const u = byLabel(graph, 'u')
    const toU = step.flows.find((flow) => flow.input === u.id)!
    expect(step.upstream).toEqual([1])
    expect(toU.local).toEqual([2])
    expect(toU.share).toEqual([2])
  })

  it('adds the contributions at a leaf that feeds two ops, in the engine order', () => {
    const graph = graphOf({ expression: 'u*v + u^2', point: { u: 1, v: 2 } })
    const u = byLabel(graph, 'u')
    const intoU = graph.steps.flatMap((step) => step.flows.filter((flow) => flow.input === u.id))
    // PowBackward0 runs before MulBackward0 (it was recorded later), as in PyTorch's engine.
    expect(intoU.map((flow) => [flow.before, flow.share, flow.total])).toEqual([
      [null, [2], [2]],
      [[2], [2], [4]],
    ])
    expect(u.gradient).toEqual([4])
    expect(byLabel(graph, 'v').gradient).toEqual([1])
    expect(graph.steps.map((step) => graph.nodes[step.node]!.name)).toEqual([
      'AddBackward0',
      'PowBackward0',
      'MulBackward0',
    ])
  })

  it('folds Python numbers into their op and names them', () => {
    const graph = graphOf({ expression: 'x^2 + 2*x + 1', point: { x: 2 } })
    expect(graph.nodes.map((node) => node.name)).toEqual([
      'AccumulateGrad',
      'PowBackward0',
      'MulBackward0',
      'AddBackward0',
      'AddBackward0',
    ])
    expect(byLabel(graph, 'x^2').constants).toEqual(['2'])
    expect(byLabel(graph, '2*x').constants).toEqual(['2'])
    expect(byLabel(graph, 'x^2 + 2*x + 1').constants).toEqual(['1'])
    expect(byLabel(graph, 'x').spans).toEqual([
      [0, 1],
      [8, 9],
    ])
  })

  it('ends a slice in SumBackward0, with vectors at every node (the sum trick)', () => {
    const graph = graphOf({
      expression: 'x^2',
      point: { x: 0 },
      slice: { wrt: 'x', domain: [-2, 2], samples: 5 },
    })
    const sum = graph.nodes[graph.output!]!
    expect(sum.name).toBe('SumBackward0')
    expect(sum.shape).toEqual([])
    expect(sum.value).toEqual([10])
    const x = byLabel(graph, 'x')
    expect(x.shape).toEqual([5])
    expect(x.value).toEqual([-2, -1, 0, 1, 2])
    // x.grad[i] = f′(xᵢ) = 2xᵢ: each sample only reaches the sum through its own term.
    expect(x.gradient).toEqual([-4, -2, 0, 2, 4])
    expect(byLabel(graph, 'x^2').gradient).toEqual([1, 1, 1, 1, 1])
  })

  it('sums a held variable over the slice where it is broadcast', () => {
    const graph = graphOf({
      expression: 'u*x',
      point: { u: 3, x: 0 },
      slice: { wrt: 'x', domain: [0, 2], samples: 3 },
    })
    const u = byLabel(graph, 'u')
    expect(u.shape).toEqual([])
    expect(u.gradient).toEqual([3])
    const flow = graph.steps[1]!.flows.find((candidate) => candidate.input === u.id)!
    expect(flow.local).toEqual([0, 1, 2])
    expect(flow.share).toEqual([3])
  })

  it('has no nodes when f uses no variable', () => {
    expect(graphOf({ expression: '2 + 3', point: {} })).toEqual({
      variables: [],
      nodes: [],
      output: null,
      steps: [],
    })
  })

  it('refuses a point without a variable the expression uses', () => {
    const result = buildGraph({ expression: 'x*y', point: { x: 1 } })
    expect(result.ok).toBe(false)
  })
})

describe('the graph method', () => {
  it('is served by the worker handler, validated like the others', async () => {
    const served = await inProcessApi.graph({ expression: 'u*v + u^2', point: { u: 1, v: 2 } })
    expect(served).toEqual(buildGraph({ expression: 'u*v + u^2', point: { u: 1, v: 2 } }))
    const refused = await inProcessApi.graph({ expression: 'x', point: { x: Number.NaN } })
    expect(refused).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
  })
})
