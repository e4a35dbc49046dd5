import type { Precision, Series, SliceMark } from '../protocol/api'

/** Chart.js's internal point format: with `parsing: false` the chart reads these objects as they are. */
export interface PlotPoint {
  x: number
  y: number
  /** A point the core's marks added (a kink's corner), not a sample: never drawn as a dot. */
  inserted?: true
}

export interface PlottedSeries {
  f: PlotPoint[]
  df: PlotPoint[]
  d2f: PlotPoint[] | null
}

/**
 * True when the segment between samples i and i + 1 jumps across a pole rather than following the curve:
 * f moves by a large part of the visible y-span in the direction opposite to its derivative at both ends
 * (1/x jumps from −∞ to +∞ while 1/x′ < 0 on both sides; tan jumps down while tan′ > 0). A smooth function
 * cannot do that between two samples closer than a pixel, so the line is broken there.
 */
export function crossesPole(
  f0: number,
  f1: number,
  df0: number,
  df1: number,
  visibleSpan: number,
): boolean {
  // A non-finite sample is already a gap of its own.
  if (!Number.isFinite(f0) || !Number.isFinite(f1)) return false
  const jump = f1 - f0
  if (!(Math.abs(jump) > visibleSpan / 4)) return false
  const against = (slope: number) => !Number.isFinite(slope) || Math.sign(slope) !== Math.sign(jump)
  return against(df0) && against(df1)
}

/**
 * True when the segment from a to b would run from beyond one edge of the view to beyond the other: a
 * vertical stroke across the whole plot, which at two samples per pixel only a jump to ±∞ produces (1/x as
 * the derivative of log x, where f itself gives no hint because it is NaN on one side).
 */
export function spansView(a: number, b: number, [bottom, top]: readonly [number, number]): boolean {
  return (a > top && b < bottom) || (a < bottom && b > top)
}

/** NaN and ±∞ are not drawable values: both become a gap in the line (Chart.js breaks at NaN). */
function drawable(value: number): number {
  return Number.isFinite(value) ? value : NaN
}

/**
 * Converts the core's sampled series to chart points: non-finite values become gaps, and a gap point is
 * inserted between two samples that straddle a pole of any series, in every series at the same place so
 * that index i means the same x in f, f′ and f″ (the tooltip relies on it). Where the core marked a kink
 * (core/notes/along.ts) f′ jumps: f′ and f″ break there, while f keeps the corner as a point of its own
 * (f is continuous at a kink); a sample exactly on the kink is left standing alone in f′, since its value
 * is PyTorch's convention and not a point of either branch. At a jump or a pole every series breaks.
 */
export function toPlotted(
  series: Series,
  yRange: readonly [number, number],
  marks: readonly SliceMark[] = [],
): PlottedSeries {
  const { t, f, df, d2f } = series
  const visibleSpan = yRange[1] - yRange[0]
  const jumps = (values: Float64Array | undefined, i: number) =>
    values !== undefined && spansView(values[i] as number, values[i + 1] as number, yRange)
  const plotted: PlottedSeries = { f: [], df: [], d2f: d2f ? [] : null }
  const breakAt = (x: number, y: number) => {
    plotted.f.push({ x, y: drawable(y), inserted: true })
    plotted.df.push({ x, y: NaN })
    plotted.d2f?.push({ x, y: NaN })
  }
  // Poles are broken below, as before the marks existed; the marks add the kinks and jumps.
  const breaking = marks.filter((mark) => mark.code !== 'pole')
  const between = breaking.filter((mark) => mark.sample === null).sort((a, b) => a.at - b.at)
  const onSample = new Map(breaking.filter((m) => m.sample !== null).map((m) => [m.sample, m]))
  let next = 0
  for (let i = 0; i < t.length; i++) {
    const x = t[i] as number
    while (next < between.length && between[next]!.at < x) {
      const mark = between[next++]!
      if (i > 0) breakAt(mark.at, mark.value)
    }
    const on = onSample.get(i)
    if (on && i > 0) breakAt(x, f[i] as number)
    plotted.f.push({ x, y: drawable(f[i] as number) })
    plotted.df.push({ x, y: drawable(df[i] as number) })
    plotted.d2f?.push({ x, y: drawable((d2f as Float64Array)[i] as number) })
    if (on && i + 1 < t.length) breakAt(x, f[i] as number)
    if (i + 1 < t.length) {
      const pole =
        crossesPole(
          f[i] as number,
          f[i + 1] as number,
          df[i] as number,
          df[i + 1] as number,
          visibleSpan,
        ) ||
        jumps(f, i) ||
        jumps(df, i) ||
        jumps(d2f, i)
      if (pole) {
        const gap = { x: (x + (t[i + 1] as number)) / 2, y: NaN }
        plotted.f.push(gap)
        plotted.df.push({ ...gap })
        plotted.d2f?.push({ ...gap })
      }
    }
  }
  return plotted
}

/** The tangent y = slope·t + intercept across the plotted domain (two points are a line). */
export function tangentPoints(
  tangent: { slope: number; intercept: number },
  domain: readonly [number, number],
): PlotPoint[] {
  const at = (t: number) => drawable(tangent.slope * t + tangent.intercept)
  return [
    { x: domain[0], y: at(domain[0]) },
    { x: domain[1], y: at(domain[1]) },
  ]
}

/**
 * The core's finite differences as chart points: the dots over f′, and |autograd − FD| for the log-scale
 * error plot, where an exact 0 (or a non-finite value) has no place and is a gap. Null when not requested.
 */
export function finiteDifferencesOf(
  series: Series,
): { precision: Precision; dots: PlotPoint[]; error: PlotPoint[] } | null {
  if (!series.fd) return null
  const { t } = series
  const { fd, error, precision } = series.fd
  const dots: PlotPoint[] = []
  const errors: PlotPoint[] = []
  for (let i = 0; i < t.length; i++) {
    const x = t[i] as number
    dots.push({ x, y: drawable(fd[i] as number) })
    const e = error[i] as number
    errors.push({ x, y: e > 0 && Number.isFinite(e) ? e : NaN })
  }
  return { precision, dots, error: errors }
}
