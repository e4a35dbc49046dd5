import type { BackwardFn } from './grad-fn'
import type { BinaryKernel } from './kernels/binary'
import type { TernaryKernel } from './kernels/ternary'
import type { UnaryKernel } from './kernels/unary'
import type { Shape } from './shape'

/**
 * The scalar form of an elementwise rule, for code generation: one fused JavaScript loop computing f and
 * f′ per element, with the derivatives still coming from this one table. Every template returns a JS
 * expression; arguments are JS expressions for the op's inputs in order (`args`), the name the generated
 * code gave the op's output (`out`) and, for `vjps`, the incoming gradient ∂L/∂out (`grad`).
 *
 * - `value(args)`: the op's output.
 * - `vjps[i](args, out, grad)`: input i's share of the gradient, the tensor rule spelled per element,
 *   operation for operation, so a reverse sweep built from it gives what the tensor engine gives, bit for
 *   bit, even where the incoming gradient is ±∞ or NaN (a masked rule yields 0, not grad·0 = NaN).
 * - `partials[i](args, out)`: the local derivative ∂out/∂input_i, i.e. `vjps[i]` with grad = 1, for
 *   forward-mode or product-form code; it equals the tensor rule with an incoming gradient of 1.
 *
 * Conventions are PyTorch's (relu′(0) = 0, pow's masks, ½ to each side of a min/max tie, clamp's bounds,
 * softplus's threshold); a test holds templates and tensor rules to the same numbers (Object.is). A
 * non-differentiable input (where's condition) has `'0'` for both. Templates may repeat an argument, so
 * pass identifiers or numeric literals. They use only `Math.*`, arithmetic, comparisons and `?:`.
 */
export interface ScalarTemplate {
  readonly value: (args: readonly string[]) => string
  readonly vjps: readonly ((args: readonly string[], out: string, grad: string) => string)[]
  readonly partials: readonly ((args: readonly string[], out: string) => string)[]
}

/** One op applied element by element, with broadcasting of single values. */
export interface ElementwiseRule {
  readonly kind: 'elementwise'
  readonly arity: 1 | 2 | 3
  /** Fills `out` from the inputs' values; unused trailing inputs are empty arrays. */
  readonly forward: (out: Float64Array, a: Float64Array, b: Float64Array, c: Float64Array) => void
  /** Per input, its vector-Jacobian product written in tensor ops; `null` if not differentiable. */
  readonly backward: readonly (BackwardFn | null)[]
  readonly scalar: ScalarTemplate
}

/** A shape-changing op of one input: the output shape comes from the input's and a target shape. */
export interface ReductionRule {
  readonly kind: 'reduction'
  readonly outputShape: (input: Shape, target: Shape) => Shape
  readonly forward: (out: Float64Array, a: Float64Array) => void
  readonly backward: readonly [BackwardFn]
}

export type Rule = ElementwiseRule | ReductionRule

function operand(args: readonly string[], index: number): string {
  const arg = args[index]
  if (arg === undefined) throw new Error(`scalar template needs input ${index}`)
  return arg
}

type Vjp = ScalarTemplate['vjps'][number]

/** The template set from the value and the per-input VJPs: partials are the VJPs with grad = 1. */
function scalarTemplate(value: ScalarTemplate['value'], vjps: readonly Vjp[]): ScalarTemplate {
  return {
    value,
    vjps,
    partials: vjps.map((vjp) => (args: readonly string[], out: string) => vjp(args, out, '1')),
  }
}

export function unary(spec: {
  forward: UnaryKernel
  backward: BackwardFn
  scalar: { value: (a: string) => string; vjp: (a: string, out: string, grad: string) => string }
}): ElementwiseRule {
  const { value, vjp } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 1,
    forward: spec.forward,
    backward: [spec.backward],
    scalar: scalarTemplate(
      (args) => value(operand(args, 0)),
      [(args, out, grad) => vjp(operand(args, 0), out, grad)],
    ),
  }
}

type BinaryVjp = (a: string, b: string, out: string, grad: string) => string

export function binary(spec: {
  forward: BinaryKernel
  backward: readonly [BackwardFn, BackwardFn | null]
  scalar: { value: (a: string, b: string) => string; vjps: readonly [BinaryVjp, BinaryVjp] }
}): ElementwiseRule {
  const { value, vjps } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 2,
    forward: spec.forward,
    backward: spec.backward,
    scalar: scalarTemplate(
      (args) => value(operand(args, 0), operand(args, 1)),
      vjps.map((vjp) => (args, out, grad) => vjp(operand(args, 0), operand(args, 1), out, grad)),
    ),
  }
}

type TernaryVjp = (a: string, b: string, c: string, out: string, grad: string) => string

export function ternary(spec: {
  forward: TernaryKernel
  backward: readonly [BackwardFn | null, BackwardFn, BackwardFn]
  scalar: {
    value: (a: string, b: string, c: string) => string
    vjps: readonly [TernaryVjp, TernaryVjp, TernaryVjp]
  }
}): ElementwiseRule {
  const { value, vjps } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 3,
    forward: spec.forward,
    backward: spec.backward,
    scalar: scalarTemplate(
      (args) => value(operand(args, 0), operand(args, 1), operand(args, 2)),
      vjps.map(
        (vjp) => (args, out, grad) =>
          vjp(operand(args, 0), operand(args, 1), operand(args, 2), out, grad),
      ),
    ),
  }
}

/** C's pow as a JS expression (see `cPow` in kernels/scalar.ts): 1^y = 1 and (−1)^±∞ = 1. */
export function cPowTemplate(base: string, exponent: string): string {
  return (
    `(${base} === 1 || (${base} === -1 && (${exponent} === Infinity || ${exponent} === -Infinity))` +
    ` ? 1 : Math.pow(${base}, ${exponent}))`
  )
}

/**
 * PyTorch's pow(Tensor, Scalar) as a JS expression (see `powScalar` in kernels/scalar.ts). Given a
 * numeric literal for the exponent, the engine that compiles the generated code folds the chain of
 * comparisons down to the one branch that applies (`x * x` for 2).
 */
export function powScalarTemplate(base: string, exponent: string): string {
  const cases: [number, string][] = [
    [0, '1'],
    [1, base],
    [0.5, `Math.sqrt(${base})`],
    [-0.5, `1 / Math.sqrt(${base})`],
    [-1, `1 / ${base}`],
    [2, `${base} * ${base}`],
    [3, `${base} * ${base} * ${base}`],
    [-2, `1 / (${base} * ${base})`],
  ]
  const chain = cases.map(([value, text]) => `${exponent} === ${value} ? ${text} : `).join('')
  return `(${chain}${cPowTemplate(base, exponent)})`
}
