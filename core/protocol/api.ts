import type { Result } from './result'
import type { Diagnostic } from './diagnostics'
import type { InterestPoint, Note, SliceMark } from './notes'

/** 'x' | 'u' | 'v' | any other single letter except 'e'. */
export type Variable = string

export interface EvaluateRequest {
  /** At most LIMITS.expressionLength characters. */
  expression: string
  /** Slider values; finite numbers only. */
  point: Record<Variable, number>
  /** The plotted variable; the others are held at `point`. */
  wrt: Variable
  /** Plotted range of `wrt`, min < max. */
  domain: [number, number]
  /** LIMITS.minSamples … LIMITS.maxSamples points across the domain, ends included. */
  samples: number
  secondDerivative?: boolean
}

export interface Series {
  /** The sample positions of `wrt` (linspace over the domain). */
  t: Float64Array
  /** f along the slice through the point. */
  f: Float64Array
  /** ∂f/∂wrt along the slice, from one backward pass over the sum (the lab's sum trick). */
  df: Float64Array
  /** ∂²f/∂wrt², when requested. */
  d2f?: Float64Array
}

export interface EvaluateResult {
  /** The variables the expression uses, sorted. */
  variables: Variable[]
  /** f(point). */
  value: number
  /** Every partial at the point, as PyTorch's `.grad` would hold it with requires_grad on every variable. */
  gradient: Record<Variable, number>
  /** The tangent of the slice at the point: y = slope·wrt + intercept. */
  tangent: { slope: number; intercept: number }
  series: Series
  /** f and the symbolic ∂f/∂wrt, for KaTeX. */
  latex: { f: string; df: string }
  /** The PyTorch code that computes the same numbers. */
  torch: string
  /** Where a partial at the point is a convention, not a derivative; empty at ordinary points. */
  notes: Note[]
  /** Kinks, jumps and poles the plotted slice crosses, and the samples that land on one. */
  marks: SliceMark[]
  /** Zeros of f and f′ and inflection points on the plotted slice. */
  interest: InterestPoint[]
}

export interface AnalyzeRequest {
  expression: string
}

/** What the renderer needs before it can evaluate: which sliders to show, and the formula. */
export interface AnalyzeResult {
  variables: Variable[]
  latex: string
  /** The expression in canonical form (what the parser understood). */
  canonical: string
}

/** f and every partial at one point, without a plotted slice (the CLI's `grad` and `batch`). */
export interface GradientRequest {
  expression: string
  point: Record<Variable, number>
}
export interface GradientResult {
  variables: Variable[]
  value: number
  gradient: Record<Variable, number>
  /** Where a partial is a convention, not a derivative (core/protocol/notes.ts); empty at ordinary points. */
  notes: Note[]
}

/** The core's API: what the worker serves, and what the renderer's client calls. */
export interface CalculusApi {
  evaluate(request: EvaluateRequest): Promise<Result<EvaluateResult>>
  analyze(request: AnalyzeRequest): Promise<Result<AnalyzeResult>>
}

export type CoreMethod = keyof CalculusApi
export const CORE_METHODS = ['evaluate', 'analyze'] as const satisfies readonly CoreMethod[]

export type RequestOf<M extends CoreMethod> = Parameters<CalculusApi[M]>[0]
export type ResponseOf<M extends CoreMethod> = Awaited<ReturnType<CalculusApi[M]>>

/** Messages over the worker port: id-based, so answers can be matched to questions. */
export type WorkerRequest = {
  [M in CoreMethod]: { id: number; method: M; params: RequestOf<M> }
}[CoreMethod]
export type WorkerResponse = { id: number; result: Result<unknown> }

export type { Diagnostic, InterestPoint, Note, Result, SliceMark }
