import { computed, type ComputedRef } from 'vue'
import type { ChartScene } from '../../core/picture/chart-config'
import { paletteFor } from '../../core/picture/palette'
import { sceneFromResult } from '../../core/picture/scene'
import { useEvaluationStore } from '../stores/evaluation'
import { useLabPracticeStore } from '../stores/lab-practice'
import { useGraphStore } from '../stores/graph'
import { useThemeStore } from '../stores/theme'
import { useViewStore } from '../stores/view'

/**
 * The chart's content as plain data, derived from the latest answer of the core and the view, by the same
 * rules the CLI's `plot` uses (core/picture/scene.ts). Anything that draws the explorer's chart (the live
 * canvas, a PNG export) starts from this scene.
 */
export function useChartScene(): ComputedRef<ChartScene | null> {
  const evaluation = useEvaluationStore()
  const view = useViewStore()
  const theme = useThemeStore()
  const practice = useLabPracticeStore()
  const graph = useGraphStore()

  return computed(() => {
    const result = evaluation.result
    const request = evaluation.answered
    if (!result || !request) return null
    const scene = sceneFromResult(result, request, {
      yRange: view.yOverride,
      palette: paletteFor(theme.resolved),
      markers: view.fixedSamples !== null,
      showSecond: view.showSecond,
    })
    // An open practice question asks for the slope: the curve of f′, the tangent and the one-sided rays
    // and critical points of the markers, and the finite differences, would give it away.
    const shown = practice.hides(request.expression)
      ? {
          ...scene,
          plotted: { ...scene.plotted, df: [] },
          tangent: [],
          marked: undefined,
          fd: null,
        }
      : scene
    const curve = graph.focusCurve
    if (!curve || !graph.open) return shown
    const along = (ys: readonly number[]) => curve.xs.map((x, i) => ({ x, y: ys[i] ?? Number.NaN }))
    // ∂f/∂node of the leaf being plotted is f′ itself: withheld with f′ while a question is open.
    const gradient = practice.hides(request.expression) ? null : curve.gradient
    return {
      ...shown,
      nodeCurve: { label: curve.label, data: along(curve.ys) },
      nodeGradient: gradient ? { label: gradient.label, data: along(gradient.ys) } : null,
    }
  })
}
