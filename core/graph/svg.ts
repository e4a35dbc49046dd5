import type { GraphResult } from '../protocol/api'
import { formatEntry } from './format'
import { arrowPoints, BOX, type GraphLayout } from './layout'
import { GRAPH_PALETTES } from './palette'

/**
 * The graph as a standalone SVG document, drawn from the panel's layout (layout.ts) with the same boxes:
 * the grad_fn name, the sub-expression, then data and grad at the point. The CLI writes it as is
 * (`--out graph.svg`) or rasterized (`--out graph.png`).
 */
export interface SvgOptions {
  theme: 'light' | 'dark'
  /** For a slice's vectors: which sample the numbers show. */
  sample?: number
}

const FONT = "'Liberation Sans', 'DejaVu Sans', Arial, sans-serif"
const MONO = "'DejaVu Sans Mono', 'Liberation Mono', monospace"

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

/** The slice's length (1 without a slice): the longest value of the graph. */
function graphSamples(graph: GraphResult): number {
  return Math.max(1, ...graph.nodes.map((node) => node.value.length))
}

export function graphSvg(graph: GraphResult, layout: GraphLayout, options: SvgOptions): string {
  const palette = GRAPH_PALETTES[options.theme]
  const sample = options.sample ?? Math.floor(graphSamples(graph) / 2)
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}">`,
    `<rect width="100%" height="100%" fill="${palette.background}"/>`,
  ]
  for (const edge of layout.edges) {
    parts.push(
      `<path d="${edge.d}" fill="none" stroke="${palette.edge}" stroke-width="1.4"/>`,
      `<polygon points="${arrowPoints(edge.end)}" fill="${palette.edge}"/>`,
    )
  }
  for (const box of layout.nodes) {
    const node = graph.nodes[box.id]!
    const isOutput = node.id === graph.output
    const fill = node.kind === 'leaf' ? palette.leaf : palette.surface
    const stroke = isOutput
      ? palette.output
      : node.kind === 'leaf'
        ? palette.accent
        : palette.border
    const x = box.x + BOX.padding
    const line = (k: number) => (box.y + 20 + k * BOX.lineHeight).toFixed(1)
    const numbers = `data ${formatEntry(node.value, node.shape, sample)}   grad ${formatEntry(node.gradient, node.shape, sample)}`
    parts.push(
      `<g>`,
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${isOutput ? 2 : 1.2}"/>`,
      `<text x="${x}" y="${line(0)}" font-family="${FONT}" font-size="12.5" font-weight="bold" fill="${palette.text}">${escapeXml(node.name)}</text>`,
      `<text x="${x}" y="${line(1)}" font-family="${MONO}" font-size="12" fill="${palette.accent}">${escapeXml(node.label)}</text>`,
      `<text x="${x}" y="${line(2)}" font-family="${FONT}" font-size="11.5" fill="${palette.muted}">${escapeXml(numbers)}</text>`,
      `</g>`,
    )
  }
  parts.push('</svg>')
  return parts.join('\n') + '\n'
}
