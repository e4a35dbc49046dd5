import type { Chart } from 'chart.js'
import { markRaw, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import {
  applyScene,
  createChartConfig,
  styleKey,
  type ChartScene,
} from '../../core/picture/chart-config'
import { registerChartParts } from '../../core/picture/chart-parts'
import type { PlotPoint } from '../../core/picture/series'
import { createTestHook } from '../chart/test-hook'

export type LineChart = Chart<'line', PlotPoint[]>

/**
 * Owns the Chart.js instance of one canvas: creates it when there is something to draw, redraws in place
 * with `update('none')` (no animation, no re-parsing), rebuilds it only when the style changes (theme, plotted
 * variable), and destroys it with the component. The instance is never reactive state.
 */
export function useChart(canvas: Ref<HTMLCanvasElement | null>, scene: Ref<ChartScene | null>) {
  let chart: LineChart | null = null
  let currentStyle = ''
  // Vite replaces MODE at build time: outside a build made for tests (`--mode e2e`) this is `null` and
  // the test hook's module is never bundled.
  const testHook = import.meta.env.MODE === 'e2e' ? createTestHook() : null

  function draw(next: ChartScene | null): void {
    const element = canvas.value
    if (!next || !element) return
    const key = styleKey(next)
    if (chart && key === currentStyle) {
      applyScene(chart, next)
      chart.update('none')
    } else {
      chart?.destroy()
      const ChartClass = registerChartParts()
      chart = markRaw(new ChartClass(element, createChartConfig(next))) as LineChart
      currentStyle = key
    }
    testHook?.drawn(next, chart?.chartArea)
  }

  onMounted(() => {
    testHook?.install()
    draw(scene.value)
  })
  watch(scene, draw)
  onBeforeUnmount(() => {
    chart?.destroy()
    chart = null
    testHook?.uninstall()
  })

  return {
    /** The live instance (for pan/zoom pixel mapping). */
    chart: (): LineChart | null => chart,
  }
}
