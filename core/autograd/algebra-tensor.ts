import { PRIMITIVES, type Algebra, type Formula } from './algebra'
import type { BackwardFn } from './grad-fn'
import { apply, asTensor, eq, ge, gt, le, logicalAnd, logicalOr, lt, sign, where } from './ops'
import type { TensorLike } from './ops'

/**
 * The rules read as tensor ops: each primitive is the op of the same name, recorded like any other,
 * so a backward pass run with createGraph is itself differentiable. Constants stay plain numbers, as
 * Python numbers do in PyTorch's formulas.
 */
export const TENSOR_ALGEBRA: Algebra<TensorLike, TensorLike> = {
  ...(Object.fromEntries(
    PRIMITIVES.map((op) => [op, (...operands: TensorLike[]) => apply(op, ...operands)]),
  ) as Record<(typeof PRIMITIVES)[number], (...operands: TensorLike[]) => TensorLike>),
  constant: (value) => value,
  pi: Math.PI,
  where: (cond, then, otherwise) => where(cond, then, otherwise),
  // Wrapped, not referenced: ops.ts and the rule table import each other, and these bindings are
  // only ready once both modules have run.
  gt: (a, b) => gt(a, b),
  ge: (a, b) => ge(a, b),
  lt: (a, b) => lt(a, b),
  le: (a, b) => le(a, b),
  eq: (a, b) => eq(a, b),
  and: (a, b) => logicalAnd(a, b),
  or: (a, b) => logicalOr(a, b),
  nonzero: (mask) => mask,
  sign: (a) => sign(a),
  step: (a) => gt(a, 0),
}

/** A formula as the engine's backward function; saved values are read only if the formula reads them. */
export function tensorBackward(formula: Formula): BackwardFn {
  return (grad, saved) =>
    asTensor(
      formula(TENSOR_ALGEBRA, {
        get a() {
          return saved.a
        },
        get b() {
          return saved.b
        },
        get c() {
          return saved.c
        },
        get out() {
          return saved.out
        },
        g: grad,
      }),
    )
}
