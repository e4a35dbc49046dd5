import type { PlotPoint } from './series'

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
