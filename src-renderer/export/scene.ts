import type { EvaluateRequest, EvaluateResult } from '../../core/protocol/api'
import type { ChartScene } from '../chart/config'
import type { ChartPalette } from '../chart/palette'
import { robustRange } from '../chart/range'
import { tangentPoints, toPlotted } from '../chart/series'

/**
 * The chart's scene from one answer of the core, outside Vue: what the CLI draws. It follows the same
 * rules as the live chart (composables/useChartScene.ts): y-range from the data unless fixed, poles broken,
 * the tangent across the domain, points drawn when the sample count is fixed.
 */
export function sceneFromResult(
  result: EvaluateResult,
  request: EvaluateRequest,
  options: { yRange: [number, number] | null; palette: ChartPalette; markers: boolean },
): ChartScene {
  const { series } = result
  const showSecond = request.secondDerivative === true && series.d2f !== undefined
  const yRange =
    options.yRange ??
    robustRange([series.f, series.df, ...(showSecond && series.d2f ? [series.d2f] : [])])
  const x = request.point[request.wrt]
  return {
    plotted: toPlotted(series, yRange),
    tangent: tangentPoints(result.tangent, request.domain),
    point: x === undefined ? null : { x, y: Number.isFinite(result.value) ? result.value : NaN },
    wrt: request.wrt,
    xDomain: request.domain,
    yRange,
    showSecond,
    palette: options.palette,
    markers: options.markers,
  }
}
