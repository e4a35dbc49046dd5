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

let registered = false

/** Registers only what the explorer draws, so the bundle carries no unused controllers or scales. */
export function registerChartParts(): typeof Chart {
  if (!registered) {
    Chart.register(
      LineController,
      LineElement,
      PointElement,
      LinearScale,
      Legend,
      Tooltip,
      Decimation,
    )
    registered = true
  }
  return Chart
}
