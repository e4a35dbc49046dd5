import type { GraphResult } from '../protocol/api'
import { formatEntry } from './format'

/**
 * The graph as Graphviz DOT in torchviz's `make_dot` style: boxes in monospace, leaves light blue, the
 * output tensor dark olive green, grad_fn nodes grey, edges in the direction the forward pass runs.
 * Left to right, as the panel draws it. Each box also carries the sub-expression and its numbers.
 */
function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`
}

function sizeText(shape: readonly number[]): string {
  return `(${shape.join(', ')})`
}

export function graphDot(graph: GraphResult): string {
  const lines = [
    'digraph {',
    '\tgraph [rankdir=LR size="12,12"]',
    '\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]',
  ]
  for (const node of graph.nodes) {
    const numbers = `data=${formatEntry(node.value, node.shape)} grad=${formatEntry(node.gradient, node.shape)}`
    if (node.kind === 'leaf') {
      const label = `${node.label}\n${sizeText(node.shape)}\n${numbers}`
      lines.push(`\tn${node.id} [label=${quote(label)} fillcolor=lightblue]`)
    } else {
      const label = `${node.name}\n${node.label}\n${numbers}`
      lines.push(`\tn${node.id} [label=${quote(label)} fillcolor=lightgrey]`)
    }
  }
  for (const node of graph.nodes) {
    for (const input of node.inputs) lines.push(`\tn${input} -> n${node.id}`)
  }
  if (graph.output !== null) {
    const output = graph.nodes[graph.output]!
    lines.push(
      `\tout [label=${quote(`output\n${sizeText(output.shape)}`)} fillcolor=darkolivegreen1]`,
    )
    lines.push(`\tn${output.id} -> out`)
  }
  lines.push('}')
  return lines.join('\n') + '\n'
}
