import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js'

/**
 * What the explorer's chart is made of. Registering a part only adds it to Chart.js's registry (no canvas,
 * no DOM), so this list lives with the rest of the picture; only what the chart draws is registered, so the
 * bundle carries no unused controllers or scales.
 */
export const CHART_PARTS = [
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  // The finite-difference error plot's y axis.
  LogarithmicScale,
  Legend,
  Tooltip,
  Decimation,
]

/** A still image adds a title (the function and the point) to the live chart's parts. */
export const STILL_CHART_PARTS = [...CHART_PARTS, Title]

let live = false
let still = false

/** The Chart.js class with the live chart's parts registered (once). */
export function registerChartParts(): typeof Chart {
  if (!live) {
    Chart.register(...CHART_PARTS)
    live = true
  }
  return Chart
}

/** The Chart.js class with a still image's parts registered (once): the app's export and the CLI's plot. */
export function registerStillChartParts(): typeof Chart {
  if (!still) {
    Chart.register(...STILL_CHART_PARTS)
    still = true
  }
  return Chart
}

/** What a chart can be drawn on: the page's canvas, or a Node canvas (anything with getContext('2d')). */
export type ChartTarget = ConstructorParameters<typeof Chart>[0]
