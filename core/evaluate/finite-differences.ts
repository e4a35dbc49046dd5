import * as ag from '../autograd'
import type { Tensor } from '../autograd'
import type { FiniteDifferences, Precision } from '../protocol/api'
import { GRADCHECK_DEFAULTS } from '../notes/gradcheck'
import type { CompiledExpression } from './compiled'
import { interpret } from './interpret'

/** Rounds every op's result to float32, as PyTorch's float kernels round each op. */
function roundToFloat32(data: Float64Array): void {
  for (let i = 0; i < data.length; i++) data[i] = Math.fround(data[i]!)
}

/** f along the slice at the positions `at`, no graph recorded, every value rounded when float32. */
function fAlong(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  at: Float64Array,
  precision: Precision,
): Float64Array {
  const round = precision === 'float32' ? Math.fround : (v: number) => v
  const inputs = new Map<string, Tensor>()
  for (const name of compiled.variables)
    inputs.set(name, name === wrt ? ag.tensor(at) : ag.tensor(round(point[name]!)))
  if (precision === 'float32') ag.setResultHook(roundToFloat32)
  try {
    const y = ag.noGrad(() => interpret(compiled.ast, inputs))
    if (y.numel === at.length) return Float64Array.from(y.data)
    return new Float64Array(at.length).fill(y.data[0]!)
  } finally {
    ag.setResultHook(null)
  }
}

/**
 * torch.autograd.gradcheck's numerical derivative along the slice: (f(t + eps) − f(t − eps)) / (2·eps) with
 * eps = 1e-6, in float64 (gradcheck's precision) or float32 (t, eps, t ± eps, every op and the quotient
 * rounded), and its distance |df − fd| from autograd's `df`. In float32 the two values of f agree in all
 * but their last few bits, so their difference (cancellation) carries an error of about ulp(f)/eps ≈ 1e-1.
 */
export function finiteDifferences(
  compiled: CompiledExpression,
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
  df: Float64Array,
  precision: Precision,
): FiniteDifferences {
  const round = precision === 'float32' ? Math.fround : (v: number) => v
  const eps = round(GRADCHECK_DEFAULTS.eps)
  const plus = t.map((v) => round(round(v) + eps))
  const minus = t.map((v) => round(round(v) - eps))
  const fPlus = fAlong(compiled, wrt, point, plus, precision)
  const fMinus = fAlong(compiled, wrt, point, minus, precision)
  const fd = new Float64Array(t.length)
  const error = new Float64Array(t.length)
  for (let i = 0; i < t.length; i++) {
    fd[i] = round(round(fPlus[i]! - fMinus[i]!) / round(2 * eps))
    error[i] = Math.abs(df[i]! - fd[i]!)
  }
  return { precision, eps, fd, error }
}
