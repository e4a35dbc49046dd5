/**
 * The language every derivative rule is written in, once (after PyTorch's derivatives.yaml, where
 * `cos: grad * -sin(self)` is the whole rule). A rule is a function over this interface, "tagless
 * final": it never knows what a value is. Three interpretations give it meaning:
 *
 * - tensor ops (algebra-tensor.ts): the backward pass, itself recorded, so createGraph and second
 *   derivatives work;
 * - JavaScript expression text (algebra-js.ts): the generated f/f′ loop, operation for operation the
 *   tensor rule, so the two agree bit for bit;
 * - expression AST nodes (core/expr/derivative.ts): the derivative shown to the learner, then simplified.
 *
 * The primitives are the ops the rules need, nothing more: adding an op whose rule uses only these
 * touches none of the interpretations.
 */

/** The ops a rule may apply: each is an op of the rule table, interpreted as that op. */
export const PRIMITIVES = [
  'add',
  'sub',
  'mul',
  'div',
  'neg',
  'pow',
  'powScalar',
  'exp',
  'log',
  'sqrt',
  'sin',
  'cos',
  'sinh',
  'cosh',
  'tan',
  'tanh',
  'sigmoid',
  'erf',
] as const
export type Primitive = (typeof PRIMITIVES)[number]

/** An operand of a primitive: a value of the interpretation, or a plain number (a constant). */
export type Operand<T> = T | number

/**
 * The algebra: `T` is a value, `C` a condition (a mask, a JS boolean, …). Conditions and the
 * non-differentiable helpers (sign, step) exist for PyTorch's conventions at kinks: a masked rule
 * yields 0 where the mask is off, not grad·0, which would be NaN for an infinite or NaN gradient.
 */
export type Algebra<T, C> = {
  readonly [K in Primitive]: (...operands: Operand<T>[]) => T
} & {
  /**
   * A constant the rule computes once as PyTorch does (`2.0 / sqrt(M_PI)`, `M_SQRT1_2`): `value` is
   * the number every numeric interpretation uses, `shown` how the learner reads it (2/√π).
   */
  constant(value: number, shown: (display: Algebra<T, C>) => T): T
  /** π, for the shown form of constants. */
  readonly pi: T
  /** `torch.where(cond, then, otherwise)`. */
  where(cond: C, then: Operand<T>, otherwise: Operand<T>): T
  gt(a: Operand<T>, b: Operand<T>): C
  ge(a: Operand<T>, b: Operand<T>): C
  lt(a: Operand<T>, b: Operand<T>): C
  le(a: Operand<T>, b: Operand<T>): C
  eq(a: Operand<T>, b: Operand<T>): C
  and(a: C, b: C): C
  or(a: C, b: C): C
  /** A 0/1 mask held as a value (where's condition), true where it is non-zero (NaN included). */
  nonzero(mask: T): C
  /** torch.sign: −1, 0 or 1, with sign(0) = sign(NaN) = 0. */
  sign(a: Operand<T>): T
  /** 1 where a > 0, else 0 (so 0 at 0 and at NaN): relu′ as PyTorch defines it. */
  step(a: Operand<T>): T
}

/** What a backward formula reads: the op's inputs, its output and the incoming gradient ∂L/∂out. */
export interface Saved<T> {
  readonly a: T
  readonly b: T
  readonly c: T
  readonly out: T
  readonly g: T
}

/** One input's vector-Jacobian product, written once for every interpretation. */
export type Formula = <T, C>(d: Algebra<T, C>, s: Saved<T>) => T

/**
 * What a displayed derivative reads: inputs, output, each input's own derivative (`da`, 0 where the
 * input does not involve the variable) and whether it involves the variable at all (`varies`).
 */
export interface Tangents<T> {
  readonly a: T
  readonly b: T
  readonly c: T
  readonly out: T
  readonly da: T
  readonly db: T
  readonly dc: T
  readonly varies: readonly [boolean, boolean, boolean]
}

/**
 * The derivative as a textbook writes it, where PyTorch's exact formula reads differently (a saved
 * result, masks, a half at ties): forward mode, the derivative of the output from the inputs' own.
 */
export type Textbook = <T, C>(d: Algebra<T, C>, s: Tangents<T>) => T
