import type { GraphResult } from '../../core/protocol/api'

/**
 * A vector graph as its numbers at one sample, for drawing: every vector becomes the scalar at `at`,
 * so a box holds one number as for a scalar graph (a box is sized by its name and label, not by its
 * numbers). A one-element array is a scalar already (a held value, or the sum a broadcast input got)
 * and stays. The explanation of a step keeps the vectors, so it can say where a share was summed.
 */
export function graphAtSample<G extends GraphResult>(graph: G, at: number): G {
  const pick = (values: number[]): number[] =>
    values.length > 1 ? [values[at] ?? Number.NaN] : values
  return {
    ...graph,
    nodes: graph.nodes.map((node) =>
      node.shape.length === 0
        ? node
        : { ...node, shape: [], value: pick(node.value), gradient: pick(node.gradient) },
    ),
    steps: graph.steps.map((step) => ({
      ...step,
      upstream: pick(step.upstream),
      flows: step.flows.map((flow) => ({
        ...flow,
        local: pick(flow.local),
        share: pick(flow.share),
        before: flow.before && pick(flow.before),
        total: pick(flow.total),
      })),
    })),
  }
}
