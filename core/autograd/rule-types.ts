import type { BackwardFn } from './grad-fn'
import type { BinaryKernel } from './kernels/binary'
import type { TernaryKernel } from './kernels/ternary'
import type { UnaryKernel } from './kernels/unary'
import type { Shape } from './shape'

/**
 * The scalar form of an elementwise rule, for code generation: one fused JavaScript loop computing f and
 * f′ per element, with the derivatives still coming from this one table.
 *
 * - `value(args)` is a JS expression for the op's output, given JS expressions for its inputs in order.
 * - `partials[i](args, out)` is a JS expression for the local partial derivative ∂out/∂input_i, given
 *   the same input expressions and `out`, the name the generated code gave the op's output. It is
 *   exactly what the tensor rule gives for input i with an incoming gradient of 1 (a test checks this
 *   bit for bit), conventions included: relu′(0) = 0, pow's masks, ½ to each side of a min/max tie,
 *   clamp's bounds, softplus's threshold. A non-differentiable input (where's condition) has `'0'`.
 *
 * Templates may repeat an argument, so pass identifiers or numeric literals, not expressions with side
 * effects or cost. They use only `Math.*`, arithmetic, comparisons and the conditional operator.
 */
export interface ScalarTemplate {
  readonly value: (args: readonly string[]) => string
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

export function unary(spec: {
  forward: UnaryKernel
  backward: BackwardFn
  scalar: { value: (a: string) => string; partial: (a: string, out: string) => string }
}): ElementwiseRule {
  const { value, partial } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 1,
    forward: spec.forward,
    backward: [spec.backward],
    scalar: {
      value: (args) => value(operand(args, 0)),
      partials: [(args, out) => partial(operand(args, 0), out)],
    },
  }
}

type BinaryPartial = (a: string, b: string, out: string) => string

export function binary(spec: {
  forward: BinaryKernel
  backward: readonly [BackwardFn, BackwardFn]
  scalar: {
    value: (a: string, b: string) => string
    partials: readonly [BinaryPartial, BinaryPartial]
  }
}): ElementwiseRule {
  const { value, partials } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 2,
    forward: spec.forward,
    backward: spec.backward,
    scalar: {
      value: (args) => value(operand(args, 0), operand(args, 1)),
      partials: partials.map(
        (partial) => (args: readonly string[], out: string) =>
          partial(operand(args, 0), operand(args, 1), out),
      ),
    },
  }
}

type TernaryPartial = (a: string, b: string, c: string, out: string) => string

export function ternary(spec: {
  forward: TernaryKernel
  backward: readonly [BackwardFn | null, BackwardFn, BackwardFn]
  scalar: {
    value: (a: string, b: string, c: string) => string
    partials: readonly [TernaryPartial, TernaryPartial, TernaryPartial]
  }
}): ElementwiseRule {
  const { value, partials } = spec.scalar
  return {
    kind: 'elementwise',
    arity: 3,
    forward: spec.forward,
    backward: spec.backward,
    scalar: {
      value: (args) => value(operand(args, 0), operand(args, 1), operand(args, 2)),
      partials: partials.map(
        (partial) => (args: readonly string[], out: string) =>
          partial(operand(args, 0), operand(args, 1), operand(args, 2), out),
      ),
    },
  }
}

/** C's pow as a JS expression (see `cPow` in kernels/scalar.ts): 1^y = 1 and (−1)^±∞ = 1. */
export function cPowTemplate(base: string, exponent: string): string {
  return (
    `(${base} === 1 || (${base} === -1 && (${exponent} === Infinity || ${exponent} === -Infinity))` +
    ` ? 1 : Math.pow(${base}, ${exponent}))`
  )
}
