/**
 * The exported image with the computation graph beside the plot: the chart's canvas on the left, the
 * graph's SVG (core/graph/svg.ts, the CLI's drawing) decoded as an image on the right, on the chart's
 * background and at the chart's scale. The arithmetic is `besideLayout`, without the DOM; `composeBeside`
 * only draws what it says.
 */

export interface Size {
  width: number
  height: number
}
export interface Placed extends Size {
  x: number
  y: number
}
export interface BesideLayout extends Size {
  chart: Placed
  graph: Placed
}

/** CSS pixels between the plot and the graph, and around the graph's panel. */
export const GRAPH_GAP = 16
export const GRAPH_MARGIN = 16

/**
 * Where the chart and the graph go, in device pixels. `chart` is the chart canvas as drawn (already
 * `scale` times its CSS size); `graph` is the graph's drawing in CSS pixels. The image keeps the chart's
 * height: a graph taller than the chart, or wider than it, is shrunk to fit (never enlarged), and is
 * centred vertically beside it.
 */
export function besideLayout(chart: Size, graph: Size, scale: number): BesideLayout {
  const room = { width: chart.width, height: chart.height - 2 * GRAPH_MARGIN * scale }
  const fit = Math.min(
    scale,
    room.width / graph.width,
    room.height > 0 ? room.height / graph.height : scale,
  )
  const width = Math.max(1, Math.round(graph.width * fit))
  const height = Math.max(1, Math.round(graph.height * fit))
  const x = chart.width + GRAPH_GAP * scale
  return {
    width: x + width + GRAPH_MARGIN * scale,
    height: chart.height,
    chart: { x: 0, y: 0, width: chart.width, height: chart.height },
    graph: { x, y: Math.round((chart.height - height) / 2), width, height },
  }
}

/** An SVG document as an image the canvas can draw (a blob: URL, which the page's CSP allows). */
async function svgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.src = url
    await image.decode()
    return image
  } finally {
    URL.revokeObjectURL(url)
  }
}

export interface GraphPicture {
  /** The SVG document (core/graph/svg.ts) and its size in CSS pixels. */
  svg: string
  size: Size
}

/**
 * A new canvas with the chart and the graph side by side. `background` fills the part the chart does not
 * cover (null: left transparent, like the chart); the graph brings its own panel colour, as on screen.
 */
export async function composeBeside(
  chart: HTMLCanvasElement,
  graph: GraphPicture,
  scale: number,
  background: string | null,
): Promise<HTMLCanvasElement> {
  const layout = besideLayout(chart, graph.size, scale)
  const image = await svgImage(graph.svg)
  const canvas = document.createElement('canvas')
  canvas.width = layout.width
  canvas.height = layout.height
  const context = canvas.getContext('2d')
  if (!context) throw new Error('the browser could not draw the image')
  if (background !== null) {
    context.fillStyle = background
    context.fillRect(0, 0, layout.width, layout.height)
  }
  context.drawImage(chart, layout.chart.x, layout.chart.y)
  const { x, y, width, height } = layout.graph
  context.drawImage(image, x, y, width, height)
  return canvas
}
