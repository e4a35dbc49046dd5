import {
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js'

/** What the explorer's chart is made of; the CLI's headless plot registers the same parts. */
export const CHART_PARTS = [
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  Legend,
  Tooltip,
  Decimation,
]

let registered = false

/** Registers only what the explorer draws, so the bundle carries no unused controllers or scales. */
export function registerChartParts(): typeof Chart {
  if (!registered) {
    Chart.register(...CHART_PARTS)
    registered = true
  }
  return Chart
}
