import type { ChartConfiguration } from 'chart.js'
import { registerStillChartParts } from '../../core/picture/chart-parts'
import type { PlotPoint } from '../../core/picture/series'
import { composeBeside, type GraphPicture } from './compose'

/** What is drawn right of the chart, and on what: the graph at the export's scale and background. */
export interface Beside {
  graph: GraphPicture
  scale: number
  background: string | null
}

/**
 * Draws a still chart on a canvas of its own (never the live one, which keeps its size and pixel ratio)
 * and encodes it as PNG, with the graph beside it when `beside` is given. `size` is in CSS pixels; the
 * config's devicePixelRatio multiplies it.
 */
export async function renderChartPng(
  config: ChartConfiguration<'line', PlotPoint[]>,
  size: { width: number; height: number },
  beside?: Beside,
): Promise<Uint8Array> {
  const Chart = registerStillChartParts()
  const canvas = document.createElement('canvas')
  // A non-responsive chart takes its size from the canvas it is given.
  canvas.width = size.width
  canvas.height = size.height
  const chart = new Chart(canvas, config)
  try {
    const picture = beside
      ? await composeBeside(canvas, beside.graph, beside.scale, beside.background)
      : canvas
    const blob = await new Promise<Blob | null>((resolve) => picture.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('the browser could not encode the image')
    return new Uint8Array(await blob.arrayBuffer())
  } finally {
    chart.destroy()
  }
}
