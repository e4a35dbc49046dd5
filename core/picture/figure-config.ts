import type { ChartConfiguration, Plugin } from 'chart.js'
import type { Figure } from '../protocol/notebook'
import type { PlotPoint } from './series'

/**
 * A notebook figure (what matplotlib's plt.plot / xlabel / ylabel / title / legend built) as a Chart.js
 * line chart: one dataset per plotted line in its matplotlib colour (the default cycle C0 #1f77b4, C1
 * #ff7f0e, …), straight segments between the samples as matplotlib draws them, axis labels, title and
 * legend only where the cell asked for them, on matplotlib's white figure background.
 */
export const FIGURE_INK = { text: '#262626', grid: 'rgba(0, 0, 0, 0.08)', axis: '#262626' }

/** matplotlib's figure is white: so is every pixel of the chart, on screen and in its PNG. */
const whiteFigure: Plugin<'line'> = {
  id: 'calculusLabWhiteFigure',
  beforeDraw(chart) {
    const { ctx } = chart
    ctx.save()
    ctx.fillStyle = '#ffffff'
    ctx.fillRect(0, 0, chart.width, chart.height)
    ctx.restore()
  },
}

export function figureChartConfig(figure: Figure): ChartConfiguration<'line', PlotPoint[]> {
  const axisTitle = (text: string) => ({ display: text !== '', text, color: FIGURE_INK.text })
  return {
    type: 'line',
    data: {
      datasets: figure.series.map((series, index) => ({
        // matplotlib leaves an unlabelled line out of the legend (its label is `_child0`).
        label: series.label ?? `_child${index}`,
        data: series.x.map((x, i) => ({ x, y: series.y[i] ?? Number.NaN })),
        borderColor: series.color,
        backgroundColor: series.color,
        borderWidth: 1.5,
        pointRadius: 0,
        pointHoverRadius: 3,
        spanGaps: false,
        parsing: false,
      })),
    },
    plugins: [whiteFigure],
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      scales: {
        x: {
          type: 'linear',
          title: axisTitle(figure.xlabel),
          ticks: { color: FIGURE_INK.text },
          grid: { color: FIGURE_INK.grid },
          border: { color: FIGURE_INK.axis },
        },
        y: {
          type: 'linear',
          title: axisTitle(figure.ylabel),
          ticks: { color: FIGURE_INK.text },
          grid: { color: FIGURE_INK.grid },
          border: { color: FIGURE_INK.axis },
        },
      },
      plugins: {
        title: { display: figure.title !== '', text: figure.title, color: FIGURE_INK.text },
        legend: {
          display: figure.legend,
          position: 'top',
          labels: {
            color: FIGURE_INK.text,
            boxHeight: 2,
            filter: (item) => !(item.text ?? '').startsWith('_'),
          },
        },
        tooltip: { enabled: true, mode: 'nearest', intersect: false },
      },
    },
  }
}
