import type { Node } from '../expr/ast'
import { valuesAtPoint } from '../evaluate/point'

/** torch.autograd.gradcheck's defaults (PyTorch 1.13, torch/autograd/gradcheck.py). */
export const GRADCHECK_DEFAULTS = { eps: 1e-6, atol: 1e-5, rtol: 1e-3 } as const

export interface GradcheckOptions {
  eps: number
  atol: number
  rtol: number
}

export interface GradcheckEntry {
  variable: string
  /** Autograd's partial derivative (the analytical Jacobian entry). */
  analytical: number
  /** (f(v + eps) − f(v − eps)) / (2·eps), the other variables held. */
  numerical: number
  passes: boolean
}

/**
 * What torch.autograd.gradcheck computes for a scalar function of scalar inputs, in float64: for each
 * input, the central difference (f(x + eps) − f(x − eps)) / (2·eps) (_compute_numerical_gradient: the
 * input perturbed by −v and +v, `(b - a) / (2 * norm_v)`), compared with the backward pass by
 * torch.allclose(analytical, numerical, rtol, atol): |a − n| ≤ atol + rtol·|n|, NaN never close.
 */
export function gradcheck(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
  options: GradcheckOptions = GRADCHECK_DEFAULTS,
): GradcheckEntry[] {
  const { gradient } = valuesAtPoint(ast, variables, point)
  const f = (name: string, at: number) =>
    valuesAtPoint(ast, variables, { ...point, [name]: at }).value
  return variables.map((variable) => {
    const x = point[variable]!
    const numerical =
      (f(variable, x + options.eps) - f(variable, x - options.eps)) / (2 * options.eps)
    const analytical = gradient[variable]!
    return { variable, analytical, numerical, passes: allclose(analytical, numerical, options) }
  })
}

/** torch.allclose for one pair: |a − n| ≤ atol + rtol·|n|, infinities close only to themselves. */
function allclose(a: number, n: number, { atol, rtol }: GradcheckOptions): boolean {
  if (Number.isNaN(a) || Number.isNaN(n)) return false
  if (!Number.isFinite(a) || !Number.isFinite(n)) return a === n
  return Math.abs(a - n) <= atol + rtol * Math.abs(n)
}
