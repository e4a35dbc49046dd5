import { describe, expect, it } from 'vitest'
import type { GraphResult } from '../../core/protocol/api'
import { graphAtSample } from './graph-sample'

/** `a * x` with a held scalar a and x a linspace of 3: a's share is summed over the samples. */
const graph: GraphResult = {
  variables: ['a', 'x'],
  nodes: [
    {
      id: 0,
      kind: 'leaf',
      name: 'AccumulateGrad',
      label: 'a',
      spans: [],
      constants: [],
      shape: [],
      value: [2],
      gradient: [3],
      inputs: [],
    },
    {
      id: 1,
      kind: 'leaf',
      name: 'AccumulateGrad',
      label: 'x',
      spans: [],
      constants: [],
      shape: [3],
      value: [0, 1, 2],
      gradient: [2, 2, 2],
      inputs: [],
    },
    {
      id: 2,
      kind: 'op',
      name: 'MulBackward0',
      label: 'a * x',
      spans: [],
      constants: [],
      shape: [3],
      value: [0, 2, 4],
      gradient: [1, 1, 1],
      inputs: [0, 1],
    },
  ],
  output: 2,
  steps: [
    {
      node: 2,
      upstream: [1, 1, 1],
      flows: [
        { input: 0, local: [0, 1, 2], share: [3], before: null, total: [3] },
        { input: 1, local: [2, 2, 2], share: [2, 2, 2], before: [1, 1, 1], total: [3, 3, 3] },
      ],
    },
  ],
}

describe('graphAtSample', () => {
  it('makes every vector the scalar at the sample, and keeps one-element values whole', () => {
    const at = graphAtSample(graph, 2)
    expect(at.nodes.map((node) => [node.shape, node.value, node.gradient])).toEqual([
      [[], [2], [3]],
      [[], [2], [2]],
      [[], [4], [1]],
    ])
    expect(at.steps[0]).toEqual({
      node: 2,
      upstream: [1],
      flows: [
        { input: 0, local: [2], share: [3], before: null, total: [3] },
        { input: 1, local: [2], share: [2], before: [1], total: [3] },
      ],
    })
    expect(graph.nodes[1]!.value).toEqual([0, 1, 2])
  })

  it('leaves an unavailable gradient empty', () => {
    const freed = { ...graph, nodes: graph.nodes.map((node) => ({ ...node, gradient: [] })) }
    expect(graphAtSample(freed, 1).nodes.map((node) => node.gradient)).toEqual([[], [], []])
  })
})
