import type { Formula, Textbook } from './algebra'
import { jsVjp } from './algebra-js'
import { tensorBackward } from './algebra-tensor'
import { jsRuleAlgebra } from './algebra-js-rules'
import type { BackwardFn } from './grad-fn'
import type { BinaryKernel } from './kernels/binary'
import type { TernaryKernel } from './kernels/ternary'
import type { UnaryKernel } from './kernels/unary'
import type { Shape } from './shape'

/**
 * The scalar form of an elementwise rule, for code generation: one fused JavaScript loop computing f and
 * f′ per element. Every template returns a JS expression; arguments are JS expressions for the op's
 * inputs in order (`args`), the name the generated code gave the op's output (`out`) and, for `vjps`,
 * the incoming gradient ∂L/∂out (`grad`).
 *
 * - `value(args)`: the op's output, written per op beside its tensor kernel.
 * - `vjps[i](args, out, grad)`: input i's share of the gradient — the rule's one formula read as JS text
 *   (algebra-js.ts), so a reverse sweep built from it gives what the tensor engine gives, bit for bit,
 *   even where the incoming gradient is ±∞ or NaN (a masked rule yields 0, not grad·0 = NaN).
 * - `partials[i](args, out)`: the local derivative ∂out/∂input_i, i.e. `vjps[i]` with grad = 1.
 *
 * A non-differentiable input (where's condition) has `'0'` for both. Templates may repeat an argument,
 * so pass identifiers or numeric literals. They use only `Math.*`, the scalar library `lib.*` (functions
 * JavaScript lacks, such as erf), arithmetic, comparisons and `?:`.
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
  /** Per input, its vector-Jacobian product: the one formula; `null` if not differentiable. */
  readonly derivative: readonly (Formula | null)[]
  /** The derivative as the learner is shown it, where it reads differently from `derivative`. */
  readonly textbook: Textbook | null
  /** `derivative` read as tensor ops. */
  readonly backward: readonly (BackwardFn | null)[]
  /** `value`, and `derivative` read as JS text. */
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

function elementwise(
  arity: 1 | 2 | 3,
  forward: ElementwiseRule['forward'],
  value: ScalarTemplate['value'],
  derivative: readonly (Formula | null)[],
  textbook: Textbook | undefined,
): ElementwiseRule {
  const vjps = derivative.map((formula) =>
    formula === null
      ? () => '0'
      : (args: readonly string[], out: string, grad: string) =>
          jsVjp(jsRuleAlgebra(), formula, args, out, grad),
  )
  return {
    kind: 'elementwise',
    arity,
    forward,
    derivative,
    textbook: textbook ?? null,
    backward: derivative.map((formula) => (formula === null ? null : tensorBackward(formula))),
    scalar: {
      value,
      vjps,
      partials: vjps.map((vjp) => (args: readonly string[], out: string) => vjp(args, out, '1')),
    },
  }
}

export function unary(spec: {
  forward: UnaryKernel
  scalar: (a: string) => string
  derivative: Formula
  textbook?: Textbook
}): ElementwiseRule {
  const { scalar } = spec
  return elementwise(
    1,
    spec.forward,
    (args) => scalar(operand(args, 0)),
    [spec.derivative],
    spec.textbook,
  )
}

export function binary(spec: {
  forward: BinaryKernel
  scalar: (a: string, b: string) => string
  derivative: readonly [Formula, Formula | null]
  textbook?: Textbook
}): ElementwiseRule {
  const { scalar } = spec
  return elementwise(
    2,
    spec.forward,
    (args) => scalar(operand(args, 0), operand(args, 1)),
    spec.derivative,
    spec.textbook,
  )
}

export function ternary(spec: {
  forward: TernaryKernel
  scalar: (a: string, b: string, c: string) => string
  derivative: readonly [Formula | null, Formula, Formula]
  textbook?: Textbook
}): ElementwiseRule {
  const { scalar } = spec
  return elementwise(
    3,
    spec.forward,
    (args) => scalar(operand(args, 0), operand(args, 1), operand(args, 2)),
    spec.derivative,
    spec.textbook,
  )
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
