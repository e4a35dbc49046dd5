import type { Chart, ChartConfiguration, ChartDataset, PointStyle, TooltipItem } from 'chart.js'
import type { ChartPalette } from './palette'
import type { PlotPoint, PlottedSeries } from './series'
import { formatNumber } from './format'
import { NO_MARKERS, type MarkerPoint, type SceneMarkers } from './markers'

/**
 * Everything the chart shows, as plain data. This module is free of Vue and the DOM so that a headless
 * renderer (Node + a canvas) can draw the same picture for PNG export.
 */
export interface ChartScene {
  plotted: PlottedSeries
  tangent: PlotPoint[]
  point: PlotPoint | null
  wrt: string
  xDomain: readonly [number, number]
  yRange: readonly [number, number]
  showSecond: boolean
  palette: ChartPalette
  /** Draw each sample as a point (a lab step's few linspace samples), not only the line through them. */
  markers?: boolean
  /** A graph node's value along the slice (the graph panel's focused node), drawn as a thin curve. */
  nodeCurve?: { label: string; data: PlotPoint[] } | null
  /** That node's gradient along the slice (∂f/∂node), when the panel's toggle asks for it. */
  nodeGradient?: { label: string; data: PlotPoint[] } | null
  /** Kinks, poles, PyTorch's convention on a kink's sample, one-sided rays, points of interest. */
  marked?: SceneMarkers
  /** gradcheck's central differences, drawn as dots over f′, and |autograd − FD| for the error plot. */
  fd?: SceneFiniteDifferences | null
}

export interface SceneFiniteDifferences {
  precision: 'float64' | 'float32'
  dots: PlotPoint[]
  error: PlotPoint[]
}

/** Dataset order is fixed so updates can address them by index. */
export const DATASET = {
  f: 0,
  df: 1,
  tangent: 2,
  point: 3,
  d2f: 4,
  node: 5,
  breaks: 6,
  conventions: 7,
  rays: 8,
  interest: 9,
  fd: 10,
  nodeGradient: 11,
} as const

/** The marker datasets, whose points carry their own tooltip sentence. */
const MARKER_DATASETS: readonly number[] = [DATASET.breaks, DATASET.conventions, DATASET.interest]

type LineDataset = ChartDataset<'line', PlotPoint[]>

function labels(wrt: string) {
  return {
    f: `f(${wrt})`,
    df: `f′(${wrt}) = ∂f/∂${wrt}`,
    tangent: 'tangent at the point',
    point: 'the point',
    d2f: `f″(${wrt})`,
    breaks: 'kink or pole',
    conventions: 'x.grad on a kink',
    rays: 'one-sided tangents',
    interest: 'points of interest',
    fd: 'finite differences',
  }
}

function datasets(scene: ChartScene): LineDataset[] {
  const { palette, plotted } = scene
  const name = labels(scene.wrt)
  const curve = (label: string, color: string, data: PlotPoint[], width: number): LineDataset => ({
    label,
    data,
    borderColor: color,
    backgroundColor: color,
    borderWidth: width,
    pointRadius: 0,
    pointHoverRadius: 0,
    // A NaN is a hole in the function: never bridge it.
    spanGaps: false,
    tension: 0,
  })
  // Ten points read as dots; a hundred need smaller ones to stay apart.
  const radius = plotted.f.length > 40 ? 1.75 : 3.5
  const sampled = (dataset: LineDataset): LineDataset =>
    scene.markers
      ? // The first and last samples sit on the chart's edges: let their dots show whole.
        {
          ...dataset,
          // A kink's corner the marks inserted is no sample: no dot for it.
          pointRadius: (context) => ((context.raw as PlotPoint).inserted ? 0 : radius),
          pointHoverRadius: (context) => ((context.raw as PlotPoint).inserted ? 0 : radius + 1.5),
          clip: radius + 2,
        }
      : dataset
  return [
    sampled(curve(name.f, palette.f, plotted.f, 2.5)),
    sampled(curve(name.df, palette.df, plotted.df, 2)),
    { ...curve(name.tangent, palette.tangent, scene.tangent, 1.5), borderDash: [6, 5] },
    {
      ...curve(name.point, palette.point, scene.point ? [scene.point] : [], 0),
      pointRadius: 7,
      pointHoverRadius: 7,
      pointBorderWidth: 2,
      pointBorderColor: palette.pointBorder,
      pointBackgroundColor: palette.point,
      showLine: false,
    },
    {
      ...curve(name.d2f, palette.d2f, plotted.d2f ?? [], 1.75),
      hidden: !scene.showSecond,
    },
    {
      ...curve(
        scene.nodeCurve?.label ?? 'graph node',
        palette.point,
        scene.nodeCurve?.data ?? [],
        1.25,
      ),
      borderDash: [3, 3],
      hidden: !scene.nodeCurve,
    },
    ...markerDatasets(scene, curve),
    {
      ...curve(
        scene.nodeGradient?.label ?? 'graph node gradient',
        palette.df,
        scene.nodeGradient?.data ?? [],
        1.25,
      ),
      borderDash: [1.5, 3],
      hidden: !scene.nodeGradient,
    },
  ]
}

function markerDatasets(
  scene: ChartScene,
  curve: (label: string, color: string, data: PlotPoint[], width: number) => LineDataset,
): LineDataset[] {
  const { palette } = scene
  const name = labels(scene.wrt)
  const marked = scene.marked ?? NO_MARKERS
  const dots = (
    label: string,
    color: string,
    data: PlotPoint[],
    style: PointStyle,
    radius: number,
  ) => ({
    ...curve(label, color, data, 0),
    showLine: false,
    pointStyle: style,
    pointRadius: radius,
    pointHoverRadius: radius + 2,
    pointBorderWidth: 2,
    pointBorderColor: color,
    clip: radius + 2,
  })
  // order −1: drawn over the curves and the point (Chart.js draws lower orders last), so a kink under
  // the point still shows; the ring of PyTorch's convention is wider than the point.
  return [
    { ...dots(name.breaks, palette.mark, marked.breaks, 'crossRot', 9), order: -1 },
    {
      ...dots(name.conventions, palette.mark, marked.conventions, 'circle', 11),
      pointBackgroundColor: 'transparent',
      order: -1,
    },
    { ...curve(name.rays, palette.mark, marked.rays, 2.5), borderDash: [6, 4], order: -1 },
    { ...dots(name.interest, palette.interest, marked.interest, 'rectRot', 6), order: -1 },
    {
      ...dots(fdLabel(scene), palette.fd, scene.fd?.dots ?? [], 'circle', 2),
      pointBorderWidth: 0,
      hidden: !scene.fd,
    },
  ]
}

function fdLabel(scene: ChartScene): string {
  return scene.fd ? `finite differences (${scene.fd.precision})` : labels(scene.wrt).fd
}

/** The hover tooltip reads x, f(x) and f′(x) at the hovered index of f (series share their indices). */
function tooltipLines(chart: Chart<'line', PlotPoint[]>, item: TooltipItem<'line'>): string[] {
  const at = (index: number) => chart.data.datasets[index]?.data[item.dataIndex]?.y ?? NaN
  const lines = [`f = ${formatNumber(at(DATASET.f))}`, `f′ = ${formatNumber(at(DATASET.df))}`]
  if (chart.isDatasetVisible(DATASET.d2f)) lines.push(`f″ = ${formatNumber(at(DATASET.d2f))}`)
  return lines
}

export function createChartConfig(scene: ChartScene): ChartConfiguration<'line', PlotPoint[]> {
  const { palette } = scene
  const axis = (title: string, [min, max]: readonly [number, number]) => ({
    type: 'linear' as const,
    min,
    max,
    title: { display: true, text: title, color: palette.text, font: { size: 13, weight: 600 } },
    grid: { color: palette.grid },
    border: { color: palette.axis },
    ticks: {
      color: palette.text,
      // Round ticks only: the exact ends of a data-driven range (17.92…) read as noise.
      includeBounds: false,
      maxRotation: 0,
      minRotation: 0,
      callback: (value: number | string) => formatNumber(Number(value), 4),
    },
  })
  return {
    type: 'line',
    data: { datasets: datasets(scene) },
    options: {
      // Live updates: no animation, data already in Chart.js's internal format and sorted by x.
      animation: false,
      parsing: false,
      normalized: true,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'nearest', axis: 'x', intersect: false },
      scales: { x: axis(scene.wrt, scene.xDomain), y: axis('f, f′', scene.yRange) },
      plugins: {
        // Decimation only runs above 4 points per pixel; we sample 2 per pixel, so it is a guard for huge
        // data, never active in normal use (it would also drop the NaN gaps that break lines at poles).
        decimation: { enabled: true, algorithm: 'min-max' },
        legend: {
          position: 'top',
          align: 'end',
          labels: {
            color: palette.text,
            usePointStyle: true,
            boxHeight: 8,
            filter: (item, data) => {
              const index = item.datasetIndex ?? 0
              const optional: number[] = [
                DATASET.d2f,
                DATASET.node,
                DATASET.fd,
                DATASET.nodeGradient,
              ]
              if (optional.includes(index)) return !item.hidden
              if (index === DATASET.f || index === DATASET.point) return true
              // f′, the tangent (both withheld while a practice question is open) and the markers: an
              // entry only when there is something of theirs on the chart.
              return (data.datasets[index]?.data.length ?? 0) > 0
            },
          },
          // The toggles outside the chart own what is shown; clicking a legend entry must not desync them.
          onClick: () => undefined,
        },
        tooltip: {
          filter: (item) =>
            item.datasetIndex === DATASET.f || MARKER_DATASETS.includes(item.datasetIndex),
          callbacks: {
            title: (items) => {
              const first = items[0]
              return first ? `${scene.wrt} = ${formatNumber(first.parsed.x ?? NaN)}` : ''
            },
            label: (item) =>
              MARKER_DATASETS.includes(item.datasetIndex)
                ? (item.raw as MarkerPoint).label
                : tooltipLines(item.chart as Chart<'line', PlotPoint[]>, item),
          },
        },
      },
    },
  }
}

/** What identifies a chart's styling: a change here needs a new chart, anything else an in-place update. */
export function styleKey(scene: ChartScene): string {
  return `${scene.wrt}|${scene.markers === true}|${JSON.stringify(scene.palette)}`
}

/**
 * Puts a new scene with the same style into an existing chart in place (datasets keep their identity), so
 * the caller can redraw with `update('none')`.
 */
export function applyScene(chart: Chart<'line', PlotPoint[]>, scene: ChartScene): void {
  const [f, df, tangent, point, d2f, node, breaks, conventions, rays, interest, fd, nodeGradient] =
    chart.data.datasets
  const marked = scene.marked ?? NO_MARKERS
  if (breaks) breaks.data = marked.breaks
  if (conventions) conventions.data = marked.conventions
  if (rays) rays.data = marked.rays
  if (interest) interest.data = marked.interest
  if (f) f.data = scene.plotted.f
  if (df) df.data = scene.plotted.df
  if (tangent) tangent.data = scene.tangent
  if (point) point.data = scene.point ? [scene.point] : []
  if (d2f) {
    d2f.data = scene.plotted.d2f ?? []
    d2f.hidden = !scene.showSecond
  }
  if (node) {
    node.data = scene.nodeCurve?.data ?? []
    node.label = scene.nodeCurve?.label ?? 'graph node'
    node.hidden = !scene.nodeCurve
  }
  if (nodeGradient) {
    nodeGradient.data = scene.nodeGradient?.data ?? []
    nodeGradient.label = scene.nodeGradient?.label ?? 'graph node gradient'
    nodeGradient.hidden = !scene.nodeGradient
  }
  if (fd) {
    fd.data = scene.fd?.dots ?? []
    fd.label = fdLabel(scene)
    fd.hidden = !scene.fd
  }
  const { x, y } = chart.options.scales ?? {}
  if (x) [x.min, x.max] = scene.xDomain
  if (y) [y.min, y.max] = scene.yRange
}
