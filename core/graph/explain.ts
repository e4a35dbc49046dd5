import type { GraphFlow, GraphNode, GraphResult, GraphStep } from '../protocol/api'
import { formatEntry } from './format'

/**
 * The chain rule of one backward step, in words and numbers, as the panel's stepper and the CLI's text
 * show it: the node received `upstream`; each input gets upstream × local = share; where an input had
 * already received a share (a value that feeds two ops), the two are added, as AccumulateGrad does.
 */
export interface FlowText {
  input: number
  /** `1 × 2 = 2`. */
  product: string
  /** `2 + 2 = 4` where the input had a share already, else null. */
  accumulation: string | null
}

function nodeShape(graph: GraphResult, id: number): readonly number[] {
  return graph.nodes[id]?.shape ?? []
}

export function flowText(
  graph: GraphResult,
  step: GraphStep,
  flow: GraphFlow,
  at?: number,
): FlowText {
  const outShape = nodeShape(graph, step.node)
  const inShape = nodeShape(graph, flow.input)
  const upstream = formatEntry(step.upstream, outShape, at)
  const local = formatEntry(flow.local, flow.local.length === 1 ? [] : [flow.local.length], at)
  const share = formatEntry(flow.share, inShape, at)
  return {
    input: flow.input,
    // A held variable broadcast over a slice gets the sum of its shares (PyTorch's sum_to).
    product: `${flow.share.length < flow.local.length ? 'Σ ' : ''}${upstream} × ${local} = ${share}`,
    accumulation: flow.before
      ? `${formatEntry(flow.before, inShape, at)} + ${share} = ${formatEntry(flow.total, inShape, at)}`
      : null,
  }
}

export function nodeTitle(node: GraphNode): string {
  return node.kind === 'leaf' ? `${node.label} (AccumulateGrad)` : `${node.name} (${node.label})`
}

/** The graph and its backward pass as plain text (the CLI's default output). */
export function graphText(graph: GraphResult): string {
  if (graph.output === null) return 'f uses no variable: autograd records no graph.\n'
  const lines = ['Forward: the nodes in the order they are computed']
  for (const node of graph.nodes) {
    const inputs =
      node.inputs.length > 0 ? ` ← ${node.inputs.map((id) => `#${id}`).join(', ')}` : ''
    lines.push(
      `  #${node.id} ${nodeTitle(node)}${inputs}: data ${formatEntry(node.value, node.shape)}, grad ${formatEntry(node.gradient, node.shape)}`,
    )
  }
  lines.push("Backward: the steps in the order PyTorch's engine runs them")
  graph.steps.forEach((step, index) => {
    const node = graph.nodes[step.node]!
    const upstream = formatEntry(step.upstream, node.shape)
    lines.push(`  ${index + 1}. ${nodeTitle(node)} received ${upstream}`)
    for (const flow of step.flows) {
      const text = flowText(graph, step, flow)
      const target = graph.nodes[flow.input]!
      const accumulated = text.accumulation ? `; accumulated ${text.accumulation}` : ''
      lines.push(`       → #${target.id} ${target.label}: ${text.product}${accumulated}`)
    }
  })
  return lines.join('\n') + '\n'
}
