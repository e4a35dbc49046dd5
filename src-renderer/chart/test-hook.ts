import type { ChartScene } from '../../core/picture/chart-config'
import type { PlotPoint } from '../../core/picture/series'
import { NO_MARKERS, type SceneMarkers } from '../../core/picture/markers'

/**
 * A read-only view of what the chart draws, for the end-to-end tests, the UI benchmark and the screenshots.
 * Only a build made for tests carries it (`vite build --mode e2e`, see composables/useChart.ts): the shipped
 * web and desktop builds never reference this module, so it is dropped from their bundles (the packaging
 * layout check asserts it).
 */

/** What the chart last drew, copied so a test can read it but never change the app through it. */
export interface PlottedSnapshot {
  wrt: string
  xDomain: [number, number]
  yRange: [number, number]
  f: PlotPoint[]
  df: PlotPoint[]
  d2f: PlotPoint[] | null
  tangent: PlotPoint[]
  point: PlotPoint | null
  /** The plot area in CSS pixels of the canvas, so a test can point at a value (x: xDomain, y: yRange). */
  area: PlotArea | null
  /** The chart's markers (core/picture/markers.ts): kinks and poles, conventions, rays, interest. */
  marked: SceneMarkers
  /** gradcheck's finite differences (dots over f′) and their error plot's points, when the toggle is on. */
  fd: { precision: string; dots: PlotPoint[]; error: PlotPoint[] } | null
  /** The graph panel's focused node along the slice, and its gradient when the panel's toggle is on. */
  node: { label: string; data: PlotPoint[] } | null
  nodeGradient: { label: string; data: PlotPoint[] } | null
}

export interface PlotArea {
  left: number
  right: number
  top: number
  bottom: number
}

export interface RenderMark {
  /** performance.now() when the draw finished. */
  at: number
  /** The value of the plotted variable at the point in this draw. */
  pointX: number | null
}

export interface LabTestHook {
  /** How many frames the chart has drawn since load. */
  readonly renders: number
  readonly firstRender: RenderMark | null
  readonly lastRender: RenderMark | null
  /** Calls `listener` after every draw; returns the unsubscribe function. */
  onRender(listener: (mark: RenderMark) => void): () => void
  plotted(): PlottedSnapshot | null
}

/** What the chart's owner tells the hook: it was mounted, it drew a scene, it went away. */
export interface ChartProbe {
  install(): void
  drawn(scene: ChartScene, area?: PlotArea): void
  uninstall(): void
}

const copy = (points: PlotPoint[]) => points.map(({ x, y }) => ({ x, y }))

function snapshotOf(scene: ChartScene, area: PlotArea | null): PlottedSnapshot {
  return {
    wrt: scene.wrt,
    xDomain: [...scene.xDomain],
    yRange: [...scene.yRange],
    f: copy(scene.plotted.f),
    df: copy(scene.plotted.df),
    d2f: scene.plotted.d2f && copy(scene.plotted.d2f),
    tangent: copy(scene.tangent),
    point: scene.point && { ...scene.point },
    area: area && { left: area.left, right: area.right, top: area.top, bottom: area.bottom },
    marked: structuredClone(scene.marked ?? NO_MARKERS),
    fd: scene.fd
      ? { precision: scene.fd.precision, dots: copy(scene.fd.dots), error: copy(scene.fd.error) }
      : null,
    node: scene.nodeCurve
      ? { label: scene.nodeCurve.label, data: copy(scene.nodeCurve.data) }
      : null,
    nodeGradient: scene.nodeGradient
      ? { label: scene.nodeGradient.label, data: copy(scene.nodeGradient.data) }
      : null,
  }
}

/** The hook of one chart, published as `window.__calculusLab` while the chart is mounted. */
export function createTestHook(): ChartProbe {
  let renders = 0
  let firstRender: RenderMark | null = null
  let lastRender: RenderMark | null = null
  let lastScene: ChartScene | null = null
  let lastArea: PlotArea | null = null
  const listeners = new Set<(mark: RenderMark) => void>()

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
    plotted: () => (lastScene ? snapshotOf(lastScene, lastArea) : null),
  }

  return {
    install: () => {
      window.__calculusLab = hook
    },
    drawn(scene, area) {
      lastScene = scene
      lastArea = area ?? null
      renders++
      const mark: RenderMark = { at: performance.now(), pointX: scene.point?.x ?? null }
      lastRender = mark
      firstRender ??= mark
      listeners.forEach((listener) => listener(mark))
    },
    uninstall: () => {
      if (window.__calculusLab === hook) delete window.__calculusLab
    },
  }
}
