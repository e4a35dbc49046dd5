import type { Chart } from 'chart.js'
import { markRaw, onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { applyScene, createChartConfig, styleKey, type ChartScene } from '../chart/config'
import { registerChartParts } from '../chart/register'
import type { PlotPoint } from '../chart/series'
import type { LabTestHook, PlottedSnapshot, RenderMark } from '../chart/test-hook'

export type LineChart = Chart<'line', PlotPoint[]>

const copy = (points: PlotPoint[]) => points.map(({ x, y }) => ({ x, y }))

function snapshotOf(scene: ChartScene): PlottedSnapshot {
  return {
    wrt: scene.wrt,
    xDomain: [...scene.xDomain],
    yRange: [...scene.yRange],
    f: copy(scene.plotted.f),
    df: copy(scene.plotted.df),
    d2f: scene.plotted.d2f && copy(scene.plotted.d2f),
    tangent: copy(scene.tangent),
    point: scene.point && { ...scene.point },
  }
}

/**
 * Owns the Chart.js instance of one canvas: creates it when there is something to draw, redraws in place
 * with `update('none')` (no animation, no re-parsing), rebuilds it only when the style changes (theme, plotted
 * variable), and destroys it with the component. The instance is never reactive state.
 */
export function useChart(canvas: Ref<HTMLCanvasElement | null>, scene: Ref<ChartScene | null>) {
  let chart: LineChart | null = null
  let currentStyle = ''
  let renders = 0
  let firstRender: RenderMark | null = null
  let lastRender: RenderMark | null = null
  const listeners = new Set<(mark: RenderMark) => void>()
  let lastScene: ChartScene | null = null

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
    lastScene = next
    renders++
    lastRender = { at: performance.now(), pointX: next.point?.x ?? null }
    firstRender ??= lastRender
    listeners.forEach((listener) => listener(lastRender as RenderMark))
  }

  const hook: LabTestHook = {
    get renders() {
      return renders
    },
    get firstRender() {
      return firstRender
    },
    get lastRender() {
      return lastRender
    },
    onRender(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    plotted: () => (lastScene ? snapshotOf(lastScene) : null),
  }

  onMounted(() => {
    window.__calculusLab = hook
    draw(scene.value)
  })
  watch(scene, draw)
  onBeforeUnmount(() => {
    chart?.destroy()
    chart = null
    if (window.__calculusLab === hook) delete window.__calculusLab
  })

  return {
    /** The live instance (for pan/zoom pixel mapping, and for exporting the canvas). */
    chart: (): LineChart | null => chart,
  }
}
