import type { GraphResult } from '../protocol/api'
import type { Span } from '../protocol/diagnostics'

/**
 * The node a part of the formula stands for: of the nodes with a span around `span` (an op's
 * sub-expression, an occurrence of a leaf's variable), the one with the shortest. A click on the `2` of
 * `u^2` selects PowBackward0; on its `u`, the leaf u. Null when no node covers it (the graph's sum).
 */
export function nodeAtSpan(graph: Pick<GraphResult, 'nodes'>, span: Span): number | null {
  let best: { id: number; length: number } | null = null
  for (const node of graph.nodes) {
    for (const [start, end] of node.spans) {
      if (start > span[0] || end < span[1]) continue
      // Of nodes with the same text, the later one: `2 / x` is its MulBackward0, not the reciprocal.
      if (!best || end - start <= best.length) best = { id: node.id, length: end - start }
    }
  }
  return best?.id ?? null
}
