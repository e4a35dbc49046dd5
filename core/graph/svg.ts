import type { GraphResult } from '../protocol/api'
import { formatEntry } from './format'
import { arrowPoints, BOX, type GraphLayout, type NodeBox } from './layout'
import { GRAPH_PALETTES, type GraphPalette } from './palette'
import { finiteRange, sampleX, sparkline, sparklineStrip } from './sparkline'

/**
 * The graph as a standalone SVG document, drawn from the panel's layout (layout.ts) with the same boxes:
 * the grad_fn name, the sub-expression, then data and grad at the point; for a slice's vectors, data and
 * grad at one sample and both drawn over the samples as sparklines (sparkline.ts). The CLI writes it as
 * is (`--out graph.svg`) or rasterized (`--out graph.png`).
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

/** A vector's sparklines: data solid, grad dashed (in the output's colour), the sample marked. */
function sparklineSvg(
  values: readonly number[],
  gradient: readonly number[],
  box: NodeBox,
  sample: number,
  palette: GraphPalette,
): string[] {
  const strip = sparklineStrip(box)
  const index = Math.min(Math.max(sample, 0), values.length - 1)
  const x = sampleX(strip, index, values.length).toFixed(1)
  const parts = [
    `<line x1="${x}" x2="${x}" y1="${(strip.y - 2).toFixed(1)}" y2="${(strip.y + strip.height + 2).toFixed(1)}" stroke="${palette.muted}" stroke-width="1" stroke-dasharray="2 2"/>`,
  ]
  const range = finiteRange(values, gradient)
  const lines = [
    {
      line: sparkline(gradient, strip, index, range),
      colour: palette.output,
      dash: ' stroke-dasharray="3 2"',
    },
    { line: sparkline(values, strip, index, range), colour: palette.accent, dash: '' },
  ]
  for (const { line, colour, dash } of lines) {
    if (line.d) {
      parts.push(`<path d="${line.d}" fill="none" stroke="${colour}" stroke-width="1.4"${dash}/>`)
    }
    if (line.marker) {
      parts.push(
        `<circle cx="${line.marker.x.toFixed(1)}" cy="${line.marker.y.toFixed(1)}" r="2.6" fill="${colour}"/>`,
      )
    }
  }
  return parts
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
    const vector = node.shape.length > 0
    const data = escapeXml(formatEntry(node.value, node.shape, sample))
    const grad = escapeXml(formatEntry(node.gradient, node.shape, sample))
    // Over a sparkline, the words are coloured as its lines: the key.
    const key = (word: string, colour: string) =>
      vector ? `<tspan fill="${colour}">${word}</tspan>` : word
    // A vector's grad has a line of its own, under its data.
    const numbers = vector
      ? [`${key('data', palette.accent)} ${data}`, `${key('grad', palette.output)} ${grad}`]
      : [`data ${data}   grad ${grad}`]
    parts.push(
      `<g>`,
      `<rect x="${box.x}" y="${box.y}" width="${box.width}" height="${box.height}" rx="8" fill="${fill}" stroke="${stroke}" stroke-width="${isOutput ? 2 : 1.2}"/>`,
      `<text x="${x}" y="${line(0)}" font-family="${FONT}" font-size="12.5" font-weight="bold" fill="${palette.text}">${escapeXml(node.name)}</text>`,
      `<text x="${x}" y="${line(1)}" font-family="${MONO}" font-size="12" fill="${palette.accent}">${escapeXml(node.label)}</text>`,
      ...numbers.map(
        (text, k) =>
          `<text x="${x}" y="${line(2 + k)}" font-family="${FONT}" font-size="11.5" fill="${palette.muted}">${text}</text>`,
      ),
      ...(vector ? sparklineSvg(node.value, node.gradient, box, sample, palette) : []),
      `</g>`,
    )
  }
  parts.push('</svg>')
  return parts.join('\n') + '\n'
}
