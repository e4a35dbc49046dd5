import dagre from '@dagrejs/dagre'
import type { GraphNode, GraphResult } from '../protocol/api'

/**
 * Where every node and edge of a graph goes, left to right as torchviz draws it (leaves first, the
 * output last), computed by dagre. Sizes depend only on the graph's names and labels, never on the
 * values, so the panel lays a graph out once per expression and the numbers change in place while a
 * slider moves. The panel and the CLI's SVG and PNG draw from this one layout.
 */
export interface NodeBox {
  id: number
  /** The box's top-left corner and size, in SVG user units. */
  x: number
  y: number
  width: number
  height: number
}
export interface EdgePath {
  /** From an input to the node that uses it: the direction the forward pass runs. */
  from: number
  to: number
  /** The SVG path (`M … C …`), ending where it enters the box, horizontally. */
  d: string
  end: { x: number; y: number }
}

/** The arrowhead at an edge's end, as SVG polygon points (the path arrives horizontally). */
export function arrowPoints(end: { x: number; y: number }): string {
  return `${end.x - 7},${end.y - 4} ${end.x},${end.y} ${end.x - 7},${end.y + 4}`
}

const RANK_SEPARATION = 56

const centerY = (box: NodeBox) => box.y + box.height / 2
export interface GraphLayout {
  width: number
  height: number
  nodes: NodeBox[]
  edges: EdgePath[]
}

/** Box metrics shared with the drawings (svg.ts, the panel): three lines of text. */
export const BOX = {
  charWidth: 7.6,
  padding: 12,
  minWidth: 132,
  vectorMinWidth: 210,
  height: 66,
  lineHeight: 17,
  margin: 16,
  /** Under the text of a vector's box: its sparkline (sparkline.ts). */
  sparkline: 34,
} as const

/**
 * A vector's box is taller: its data and grad, each with the sample (`4 [140/201]`), take a line each,
 * and its sparkline goes under them.
 */
export function boxHeight(node: Pick<GraphNode, 'shape'>): number {
  return BOX.height + (node.shape.length > 0 ? BOX.lineHeight + BOX.sparkline : 0)
}

export function boxWidth(node: Pick<GraphNode, 'name' | 'label' | 'shape'>): number {
  const longest = Math.max(node.name.length, node.label.length + 2, 16)
  // A vector's line `grad −1.235e-5 [140/201]` and its sparkline want more room than a name.
  const least = node.shape.length > 0 ? BOX.vectorMinWidth : BOX.minWidth
  return Math.max(least, Math.ceil(longest * BOX.charWidth + 2 * BOX.padding))
}

/** A smooth path through points: between each two, a cubic with horizontal tangents. */
function pathThrough(points: readonly { x: number; y: number }[]): string {
  const [first, ...rest] = points
  if (!first) return ''
  let d = `M${first.x.toFixed(1)},${first.y.toFixed(1)}`
  let previous = first
  for (const point of rest) {
    const midX = (previous.x + point.x) / 2
    d += ` C${midX.toFixed(1)},${previous.y.toFixed(1)} ${midX.toFixed(1)},${point.y.toFixed(1)} ${point.x.toFixed(1)},${point.y.toFixed(1)}`
    previous = point
  }
  return d
}

export function layoutGraph(graph: Pick<GraphResult, 'nodes'>): GraphLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({
    rankdir: 'LR',
    nodesep: 18,
    ranksep: RANK_SEPARATION,
    marginx: BOX.margin,
    marginy: BOX.margin,
  })
  g.setDefaultEdgeLabel(() => ({}))
  for (const node of graph.nodes) {
    g.setNode(String(node.id), { width: boxWidth(node), height: boxHeight(node) })
  }
  for (const node of graph.nodes) {
    // `x*x` uses x twice: one edge per use, as PyTorch keeps one edge per input.
    node.inputs.forEach((input, index) => {
      g.setEdge(String(input), String(node.id), {}, `${node.id}:${index}`)
    })
  }
  dagre.layout(g)
  const nodes = graph.nodes.map((node) => {
    const placed = g.node(String(node.id))
    return {
      id: node.id,
      x: placed.x - placed.width / 2,
      y: placed.y - placed.height / 2,
      width: placed.width,
      height: placed.height,
    }
  })
  // Edges leave a box on its right and enter the next on its left (torchviz's look), one port per input
  // ordered top to bottom as the inputs are, so edges into a box never cross there. An edge that skips
  // ranks keeps dagre's points at the ranks it crosses, which are clear of the boxes.
  const edges: EdgePath[] = []
  const gap = RANK_SEPARATION * 0.75
  for (const node of graph.nodes) {
    const to = nodes[node.id]!
    const ports = node.inputs
      .map((input, index) => ({ input, index }))
      .sort((a, b) => centerY(nodes[a.input]!) - centerY(nodes[b.input]!) || a.index - b.index)
    ports.forEach(({ input, index }, port) => {
      const from = nodes[input]!
      const interior = (g.edge(String(input), String(node.id), `${node.id}:${index}`).points ?? [])
        .slice(1, -1)
        .filter(
          (point: { x: number; y: number }) =>
            point.x > from.x + from.width + gap && point.x < to.x - gap,
        )
      const start = { x: from.x + from.width, y: centerY(from) }
      const end = { x: to.x, y: to.y + (to.height * (port + 1)) / (ports.length + 1) }
      edges.push({ from: input, to: node.id, d: pathThrough([start, ...interior, end]), end })
    })
  }
  const size = g.graph()
  return {
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes,
    edges,
  }
}
