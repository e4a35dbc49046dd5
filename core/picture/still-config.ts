import type { ChartConfiguration, Plugin } from 'chart.js'
import { createChartConfig, type ChartScene } from './chart-config'
import type { PlotPoint } from './series'

/**
 * The explorer's chart configuration (chart-config.ts), adapted for a still image: a fixed size and pixel
 * ratio, a title, an opaque background when asked, no tooltip. The app's export (in the browser) and the
 * CLI's `plot` (in Node, on @napi-rs/canvas) both draw from this, so their pictures are the same.
 */
export interface StillOptions {
  title: string
  /** A CSS colour, or null for a transparent background. */
  background: string | null
  /** Device pixels per CSS pixel: the image is the chart's size times this. */
  scale: number
}

/** Fills the whole canvas before anything is drawn: every pixel of the image is then opaque. */
function backgroundPlugin(color: string): Plugin<'line'> {
  return {
    id: 'calculusLabBackground',
    beforeDraw(chart) {
      const { ctx } = chart
      ctx.save()
      ctx.fillStyle = color
      // In CSS pixels: the context is already scaled by the pixel ratio, so this covers every pixel.
      ctx.fillRect(0, 0, chart.width, chart.height)
      ctx.restore()
    },
  }
}

export function stillChartConfig(
  scene: ChartScene,
  options: StillOptions,
): ChartConfiguration<'line', PlotPoint[]> {
  const config = createChartConfig(scene)
  const base = config.options ?? {}
  return {
    ...config,
    options: {
      ...base,
      responsive: false,
      animation: false,
      devicePixelRatio: options.scale,
      events: [],
      // A still image has no panel around it: a margin keeps the title and ticks off the edges.
      layout: { padding: { top: 12, right: 20, bottom: 10, left: 14 } },
      plugins: {
        ...base.plugins,
        tooltip: { enabled: false },
        title: {
          display: true,
          text: options.title,
          color: scene.palette.text,
          align: 'start',
          font: { size: 15, weight: 600 },
          padding: { top: 4, bottom: 6 },
        },
      },
    },
    plugins: options.background ? [backgroundPlugin(options.background)] : [],
  }
}
