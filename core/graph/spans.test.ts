import { describe, expect, it } from 'vitest'
import { buildGraph } from './build'
import { nodeAtSpan } from './spans'

function graphOf(expression: string) {
  const graph = buildGraph({ expression, point: { u: 1, v: 2, x: 0.5 } })
  if (!graph.ok) throw new Error(expression)
  return graph.value
}
const nameAt = (expression: string, span: [number, number]) => {
  const graph = graphOf(expression)
  const id = nodeAtSpan(graph, span)
  return id === null ? null : `${graph.nodes[id]!.name} ${graph.nodes[id]!.label}`
}

describe('nodeAtSpan', () => {
  it('finds the node of a sub-expression, the leaf of a variable, and the op around a constant', () => {
    expect(nameAt('u*v + u^2', [6, 9])).toBe('PowBackward0 u^2')
    expect(nameAt('u*v + u^2', [6, 7])).toBe('AccumulateGrad u')
    expect(nameAt('u*v + u^2', [2, 3])).toBe('AccumulateGrad v')
    expect(nameAt('u*v + u^2', [8, 9])).toBe('PowBackward0 u^2')
    expect(nameAt('u*v + u^2', [0, 9])).toBe('AddBackward0 u*v + u^2')
  })

  it('finds nothing where no node reaches', () => {
    expect(nameAt('u*v + u^2', [20, 21])).toBeNull()
    expect(nodeAtSpan({ nodes: [] }, [0, 1])).toBeNull()
  })
})
