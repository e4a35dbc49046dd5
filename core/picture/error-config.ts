import type { ChartConfiguration } from 'chart.js'
import type { SceneFiniteDifferences } from './chart-config'
import type { ChartPalette } from './palette'
import type { PlotPoint } from './series'
import { formatNumber } from './format'

/** What the error plot under the chart shows: |autograd − FD| along the slice, on a log scale. */
export interface ErrorScene {
  fd: SceneFiniteDifferences
  wrt: string
  xDomain: readonly [number, number]
  palette: ChartPalette
}

/** The largest finite error, or NaN when there is none (every FD exact). */
export function largestError(points: readonly PlotPoint[]): number {
  let most = NaN
  for (const { y } of points) if (Number.isFinite(y) && !(y <= most)) most = y
  return most
}

/**
 * The error plot's chart: a log-scale y axis, since float64's 1e-9 and float32's 1e-1 differ by eight
 * decades. Zeros (FD exactly equal to autograd) are gaps: a log axis has no place for them.
 */
export function createErrorChartConfig(scene: ErrorScene): ChartConfiguration<'line', PlotPoint[]> {
  const { palette } = scene
  const ticks = { color: palette.text, maxRotation: 0, minRotation: 0 }
  return {
    type: 'line',
    data: {
      datasets: [
        {
          label: `|autograd − FD| (${scene.fd.precision}, eps = 1e-6)`,
          data: scene.fd.error,
          borderColor: palette.fd,
          backgroundColor: palette.fd,
          borderWidth: 1.25,
          pointRadius: 0,
          spanGaps: false,
          tension: 0,
        },
      ],
    },
    options: {
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: {
          type: 'linear',
          min: scene.xDomain[0],
          max: scene.xDomain[1],
          grid: { color: palette.grid },
          ticks: { ...ticks, callback: (value) => formatNumber(Number(value), 4) },
        },
        y: {
          type: 'logarithmic',
          title: { display: true, text: '|error|', color: palette.text },
          grid: { color: palette.grid },
          ticks: { ...ticks, callback: (value) => Number(value).toExponential(0) },
        },
      },
      plugins: {
        legend: { position: 'top', align: 'end', labels: { color: palette.text, boxHeight: 2 } },
        tooltip: { enabled: false },
      },
    },
  }
}
