import type { PlotSession } from '../png/session'
import type { GradientRequest, GradientResult, GraphRequest } from '../protocol/api'
import type { Result } from '../protocol/result'
import type { Note } from '../protocol/notes'
import type { GradcheckEntry } from '../notes/gradcheck'
import type { PlotBackground } from './plot'

/**
 * What the CLI's worker serves: the computations of its commands, run off the main thread so that
 * --timeout can cut any of them, a busy loop included (the shared client terminates the worker).
 */

export interface PlotRequest {
  session: PlotSession
  size: { width: number; height: number }
  scale: 1 | 2 | 3
  background: PlotBackground
}

/** The PNG, or why none could be drawn: @napi-rs/canvas is an optional native package. */
export type RenderedPlot =
  { kind: 'png'; bytes: Uint8Array } | { kind: 'no-canvas'; reason: string }

export interface DrawGraphRequest {
  graph: GraphRequest
  format: 'text' | 'json' | 'dot' | 'svg' | 'png'
  theme: 'light' | 'dark'
}

/** The graph in the format asked: text (text, JSON, DOT, SVG), a PNG, or why no PNG could be drawn. */
export type DrawnGraph =
  | { kind: 'text'; text: string }
  | { kind: 'png'; bytes: Uint8Array; width: number; height: number }
  | { kind: 'no-canvas'; reason: string }

/** `gradcheck`: the point and gradcheck's tolerances. */
export interface GradcheckRequest extends GradientRequest {
  eps: number
  atol: number
  rtol: number
}

export interface GradcheckResult {
  entries: GradcheckEntry[]
  /** The convention notes at the point: a kink makes a pass prove nothing. */
  notes: Note[]
}

export interface CliCoreApi {
  graph(request: DrawGraphRequest): Promise<Result<DrawnGraph>>
  gradient(request: GradientRequest): Promise<Result<GradientResult>>
  gradcheck(request: GradcheckRequest): Promise<Result<GradcheckResult>>
  plot(request: PlotRequest): Promise<Result<RenderedPlot>>
}

/** The worker's `workerData`: tells the CLI's own file to serve instead of running a command. */
export const CLI_CORE_WORKER = 'calculus-lab:core-worker'
