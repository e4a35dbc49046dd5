import type { Result } from './result'
import type { Diagnostic } from './diagnostics'
import type { NotebookApi } from './notebook'
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
  /** torch.autograd.gradcheck's central differences along the slice, in this precision. */
  finiteDifferences?: Precision
}

export type Precision = 'float64' | 'float32'

/** Central differences (f(t + eps) − f(t − eps)) / (2·eps) at every sample, and |df − fd|. */
export interface FiniteDifferences {
  precision: Precision
  eps: number
  fd: Float64Array
  error: Float64Array
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
  /** Finite differences, when requested. */
  fd?: FiniteDifferences
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

/**
 * The computation graph autograd records for an expression at a point. With `slice`, the lab's sum trick:
 * `slice.wrt` becomes `linspace(domain[0], domain[1], samples)` and the graph ends in `sum`, so every
 * node holds a vector and the leaf's gradient is f′ at each sample.
 */
export interface GraphRequest {
  expression: string
  point: Record<Variable, number>
  slice?: GraphSlice
}
export interface GraphSlice {
  wrt: Variable
  domain: [number, number]
  /** LIMITS.minSamples … LIMITS.maxGraphSamples. */
  samples: number
}

/** One node of the graph: a leaf (PyTorch's `AccumulateGrad`) or a recorded op (its grad_fn). */
export interface GraphNode {
  /** Its index in `nodes`, which are in forward order: every node after its inputs. */
  id: number
  kind: 'leaf' | 'op'
  /** PyTorch's name: `AccumulateGrad` for a leaf, the grad_fn's class otherwise (`PowBackward0`). */
  name: string
  /** The variable for a leaf; the source text of the op's sub-expression otherwise. */
  label: string
  /** Where it is in the expression: every occurrence of a leaf's variable, the op's sub-expression. */
  spans: [number, number][]
  /** The Python numbers folded into the op, as written (`2` in `x^2`). */
  constants: string[]
  /** [] for a scalar, [n] for a vector. */
  shape: number[]
  /** The forward value (`.data`), flattened. */
  value: number[]
  /** ∂f/∂(this node's output) after the backward pass, flattened. */
  gradient: number[]
  /** The node's inputs that require grad (its edges), by id, in the op's argument order. */
  inputs: number[]
}

/** What one node passed to one input: upstream × local = share; shares meeting at a node are added. */
export interface GraphFlow {
  input: number
  /** ∂(node output)/∂input, elementwise, in the node output's shape. */
  local: number[]
  /** upstream × local, brought to the input's shape (summed over a broadcast). */
  share: number[]
  /** What the input had already received from earlier steps; null on the first contribution. */
  before: number[] | null
  /** before + share: what the input holds after this step. */
  total: number[]
}

/** One node run by the backward pass, in the engine's order (reverse topological). */
export interface GraphStep {
  node: number
  /** ∂f/∂(node output), the gradient the node received. */
  upstream: number[]
  flows: GraphFlow[]
}

export interface GraphResult {
  variables: Variable[]
  nodes: GraphNode[]
  /** The node whose output is f (or sum(f) with a slice); null when f requires no grad (no variable). */
  output: number | null
  steps: GraphStep[]
}

/** The core's API: what the worker serves, and what the renderer's client calls (the notebook's too). */
export interface CalculusApi extends NotebookApi {
  evaluate(request: EvaluateRequest): Promise<Result<EvaluateResult>>
  analyze(request: AnalyzeRequest): Promise<Result<AnalyzeResult>>
  graph(request: GraphRequest): Promise<Result<GraphResult>>
}

export type CoreMethod = keyof CalculusApi
export const CORE_METHODS = [
  'evaluate',
  'analyze',
  'graph',
  'runCell',
  'restartNotebook',
  'notebookGraph',
] as const satisfies readonly CoreMethod[]

export type RequestOf<M extends CoreMethod> = Parameters<CalculusApi[M]>[0]
export type ResponseOf<M extends CoreMethod> = Awaited<ReturnType<CalculusApi[M]>>

/** Messages over the worker port: id-based, so answers can be matched to questions. */
export type WorkerRequest = {
  [M in CoreMethod]: { id: number; method: M; params: RequestOf<M> }
}[CoreMethod]
export type WorkerResponse = { id: number; result: Result<unknown> }

export type { Diagnostic, InterestPoint, Note, Result, SliceMark }
