import type { EvaluateRequest, EvaluateResult } from '../protocol/api'
import type { ChartScene } from './chart-config'
import type { ChartPalette } from './palette'
import { robustRange } from './range'
import { markersOf } from './markers'
import { finiteDifferencesOf, tangentPoints, toPlotted } from './series'

/**
 * The chart's scene from one answer of the core, outside Vue: what the live chart
 * (composables/useChartScene.ts) and the CLI's `plot` draw. The y-range follows the data unless fixed,
 * poles break the lines, the tangent spans the domain, points are drawn when the sample count is fixed.
 */
export function sceneFromResult(
  result: EvaluateResult,
  request: EvaluateRequest,
  options: {
    yRange: [number, number] | null
    palette: ChartPalette
    markers: boolean
    /** Whether f″ is wanted; by default, whenever the request asked for it. */
    showSecond?: boolean
  },
): ChartScene {
  const { series } = result
  const showSecond =
    (options.showSecond ?? request.secondDerivative === true) && series.d2f !== undefined
  const yRange =
    options.yRange ??
    robustRange([series.f, series.df, ...(showSecond && series.d2f ? [series.d2f] : [])])
  const x = request.point[request.wrt]
  const point =
    x === undefined ? null : { x, y: Number.isFinite(result.value) ? result.value : NaN }
  return {
    plotted: toPlotted(series, yRange, result.marks),
    tangent: tangentPoints(result.tangent, request.domain),
    point,
    wrt: request.wrt,
    xDomain: request.domain,
    yRange,
    showSecond,
    palette: options.palette,
    markers: options.markers,
    marked: markersOf(result, series, request.wrt, point, request.domain, yRange),
    fd: finiteDifferencesOf(series),
  }
}
