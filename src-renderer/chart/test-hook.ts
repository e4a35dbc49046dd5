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

export interface LabTestHook {
  /** How many frames the chart has drawn since load. */
  readonly renders: number
  /** performance.now() at the end of the latest draw, and the value of the plotted variable in it. */
  readonly lastRender: { at: number; pointX: number | null } | null
  plotted(): PlottedSnapshot | null
}
