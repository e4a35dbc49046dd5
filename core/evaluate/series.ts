import * as ag from '../autograd'
import type { Tensor } from '../autograd'
import type { Series } from '../protocol/api'
import type { CompiledExpression } from './compiled'
import { interpret } from './interpret'

/**
 * f and ∂f/∂wrt along the slice through `point`, at the positions `t`: the lab's sum trick —
 * `y = f(x).sum(); y.backward()` leaves f′(tᵢ) in x.grad — in one vectorized pass.
 */
export function sampleSlice(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
  options: { secondDerivative?: boolean; interpreted?: boolean } = {},
): Series {
  const kernel = options.interpreted ? null : compiled.kernelFor(wrt)
  const series = kernel ? runKernel(kernel, point, t) : interpretSlice(compiled, wrt, point, t)
  if (options.secondDerivative) series.d2f = secondDerivative(compiled, wrt, point, t)
  return series
}

function runKernel(
  kernel: NonNullable<ReturnType<CompiledExpression['kernelFor']>>,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
): Series {
  const held = Float64Array.from(kernel.held, (name) => point[name]!)
  const f = new Float64Array(t.length)
  const df = new Float64Array(t.length)
  kernel.run(t, held, f, df)
  return { t, f, df }
}

/** The slice's inputs: `wrt` as a vector leaf that requires grad, the others as constant scalars. */
function sliceInputs(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
): { x: Tensor; inputs: Map<string, Tensor> } {
  const x = ag.tensor(t, { requiresGrad: true })
  const inputs = new Map<string, Tensor>()
  for (const name of compiled.variables)
    inputs.set(name, name === wrt ? x : ag.tensor(point[name]!))
  return { x, inputs }
}

/** A value over the whole slice: a scalar result (f does not depend on wrt) is broadcast. */
function spread(values: Tensor | null, n: number): Float64Array {
  if (values === null) return new Float64Array(n)
  if (values.numel === n) return Float64Array.from(values.data)
  return new Float64Array(n).fill(values.data[0]!)
}

function interpretSlice(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
): Series {
  const { x, inputs } = sliceInputs(compiled, wrt, point, t)
  const y = interpret(compiled.ast, inputs)
  if (y.requiresGrad) ag.sum(y).backward()
  return { t, f: spread(y, t.length), df: spread(x.grad, t.length) }
}

/** ∂²f/∂wrt²: the backward pass recorded (`create_graph=True`), then differentiated again. */
function secondDerivative(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
): Float64Array {
  const { x, inputs } = sliceInputs(compiled, wrt, point, t)
  const y = interpret(compiled.ast, inputs)
  if (!y.requiresGrad) return new Float64Array(t.length)
  const [dy] = ag.grad(ag.sum(y), [x], { createGraph: true })
  if (!dy!.requiresGrad) return new Float64Array(t.length)
  const [d2y] = ag.grad(ag.sum(dy!), [x], { allowUnused: true })
  return spread(d2y ?? null, t.length)
}
