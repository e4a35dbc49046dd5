import { computed, type ComputedRef } from 'vue'
import { paletteFor } from '../chart/palette'
import type { ChartScene } from '../chart/config'
import { robustRange } from '../chart/range'
import { tangentPoints, toPlotted } from '../chart/series'
import { useEvaluationStore } from '../stores/evaluation'
import { useThemeStore } from '../stores/theme'
import { useViewStore } from '../stores/view'

/**
 * The chart's content as plain data, derived from the latest answer of the core and the view. Anything that
 * draws the explorer's chart (the live canvas, a PNG export) starts from this scene.
 */
export function useChartScene(): ComputedRef<ChartScene | null> {
  const evaluation = useEvaluationStore()
  const view = useViewStore()
  const theme = useThemeStore()

  return computed(() => {
    const result = evaluation.result
    const request = evaluation.answered
    if (!result || !request) return null
    const { series } = result
    const shown = [series.f, series.df, ...(view.showSecond && series.d2f ? [series.d2f] : [])]
    const yRange = view.yOverride ?? robustRange(shown)
    const x = request.point[request.wrt]
    return {
      plotted: toPlotted(series, yRange),
      tangent: tangentPoints(result.tangent, request.domain),
      point: x === undefined ? null : { x, y: Number.isFinite(result.value) ? result.value : NaN },
      wrt: request.wrt,
      xDomain: request.domain,
      yRange,
      showSecond: view.showSecond && series.d2f !== undefined,
      palette: paletteFor(theme.resolved),
      markers: view.fixedSamples !== null,
    }
  })
}
