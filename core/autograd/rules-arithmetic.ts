import type { Textbook } from './algebra'
import { binaryKernels as B } from './kernels/binary'
import { ternaryKernels as T } from './kernels/ternary'
import { unaryKernels as U } from './kernels/unary'
import { binary, cPowTemplate, powScalarTemplate, ternary, unary, type Rule } from './rule-types'

/** The rules of the operators (+ − · / ^ and unary minus), min, max, clamp and where. See rules.ts. */

/** The power rule as taught: (f^c)′ = c·f^(c−1)·f′, (c^g)′ = c^g·ln c·g′, else f^g·(g′ ln f + g f′/f). */
const powerRule: Textbook = (d, { a, b, out, da, db, varies }) => {
  if (!varies[1]) return d.mul(d.mul(b, d.pow(a, d.sub(b, 1))), da)
  if (!varies[0]) return d.mul(d.mul(db, out), d.log(a))
  return d.mul(out, d.add(d.mul(db, d.log(a)), d.div(d.mul(b, da), a)))
}

export const ARITHMETIC_RULES = {
  // d/da (a + b) = 1, d/db (a + b) = 1
  add: binary({
    forward: B.add,
    scalar: (a, b) => `(${a} + ${b})`,
    derivative: [(_d, { g }) => g, (_d, { g }) => g],
    textbook: (d, { da, db }) => d.add(da, db),
  }),
  // d/da (a − b) = 1, d/db (a − b) = −1
  sub: binary({
    forward: B.sub,
    scalar: (a, b) => `(${a} - ${b})`,
    derivative: [(_d, { g }) => g, (d, { g }) => d.neg(g)],
    textbook: (d, { da, db }) => d.sub(da, db),
  }),
  // d/da (a·b) = b, d/db (a·b) = a
  mul: binary({
    forward: B.mul,
    scalar: (a, b) => `(${a} * ${b})`,
    derivative: [(d, { g, b }) => d.mul(g, b), (d, { g, a }) => d.mul(g, a)],
    textbook: (d, { a, b, da, db }) => d.add(d.mul(da, b), d.mul(a, db)),
  }),
  // d/da (a/b) = 1/b, d/db (a/b) = −a/b² — computed as −g·((a/b)/b), FM div_tensor_other_backward
  div: binary({
    forward: B.div,
    scalar: (a, b) => `(${a} / ${b})`,
    derivative: [
      (d, { g, b }) => d.div(g, b),
      (d, { g, a, b }) => d.mul(d.neg(g), d.div(d.div(a, b), b)),
    ],
    // (f/g)′ = f′/g − f·g′/g²; the second part vanishes when g does not involve x.
    textbook: (d, { a, b, da, db, varies }) =>
      varies[1] ? d.sub(d.div(da, b), d.div(d.mul(a, db), d.pow(b, 2))) : d.div(da, b),
  }),
  // d/da aᵇ = b·aᵇ⁻¹, but 0 wherever b = 0, even at a = 0 (FM pow_backward_self);
  // d/db aᵇ = aᵇ·ln a, but 0 where a = 0 and b ≥ 0, instead of 0·(−∞) (FM pow_backward_exponent)
  pow: binary({
    forward: B.pow,
    scalar: (a, b) => cPowTemplate(a, b),
    derivative: [
      (d, { g, a, b }) => d.where(d.eq(b, 0), 0, d.mul(g, d.mul(b, d.pow(a, d.sub(b, 1))))),
      (d, { g, a, b, out }) =>
        d.mul(g, d.where(d.and(d.eq(a, 0), d.ge(b, 0)), 0, d.mul(out, d.log(a)))),
    ],
    textbook: powerRule,
  }),
  // pow(Tensor, Scalar), what `x ** 2` runs: d/da aᵉ = e·aᵉ⁻¹ with aᵉ⁻¹ itself a Tensor-Scalar power,
  // and 0 wherever e = 0 (FM pow_backward: zeros_like when the exponent is 0). The exponent is a
  // constant (a Python number in PyTorch): it has no derivative.
  powScalar: binary({
    forward: B.powScalar,
    scalar: (a, b) => powScalarTemplate(a, b),
    derivative: [
      (d, { g, a, b }) => d.where(d.eq(b, 0), 0, d.mul(g, d.mul(b, d.powScalar(a, d.sub(b, 1))))),
      null,
    ],
    textbook: powerRule,
  }),
  // d/da min(a, b) = 1 where a < b, ½ at a tie, 0 where a > b; d/db the mirror (DY minimum).
  // Shown: the smaller argument's derivative, through step (the tie is not shown).
  minimum: binary({
    forward: B.minimum,
    scalar: (a, b) => `Math.min(${a}, ${b})`,
    derivative: [
      (d, { g, a, b }) => d.where(d.gt(a, b), 0, d.where(d.eq(a, b), d.div(g, 2), g)),
      (d, { g, a, b }) => d.where(d.lt(a, b), 0, d.where(d.eq(a, b), d.div(g, 2), g)),
    ],
    textbook: (d, { a, b, da, db }) =>
      d.add(d.mul(da, d.step(d.sub(b, a))), d.mul(db, d.step(d.sub(a, b)))),
  }),
  // d/da max(a, b) = 1 where a > b, ½ at a tie, 0 where a < b; d/db the mirror (DY maximum)
  maximum: binary({
    forward: B.maximum,
    scalar: (a, b) => `Math.max(${a}, ${b})`,
    derivative: [
      (d, { g, a, b }) => d.where(d.lt(a, b), 0, d.where(d.eq(a, b), d.div(g, 2), g)),
      (d, { g, a, b }) => d.where(d.gt(a, b), 0, d.where(d.eq(a, b), d.div(g, 2), g)),
    ],
    textbook: (d, { a, b, da, db }) =>
      d.add(d.mul(da, d.step(d.sub(a, b))), d.mul(db, d.step(d.sub(b, a)))),
  }),
  // d/dx clamp(x, lo, hi) = 1 where lo ≤ x ≤ hi (bounds included: "subgradient 1", DY clamp.Tensor);
  // d/dlo = 1 where x < lo < hi; d/dhi = 1 where x > hi or hi < lo, since lo > hi gives hi
  // (FM clamp_backward, clamp_backward_min_max). Shown: x inside [lo, hi] passes its derivative,
  // below lo lo's, above hi hi's.
  clamp: ternary({
    forward: T.clamp,
    scalar: (x, lo, hi) => `Math.min(Math.max(${x}, ${lo}), ${hi})`,
    derivative: [
      (d, { g, a, b, c }) => d.where(d.and(d.ge(a, b), d.le(a, c)), g, 0),
      (d, { g, a, b, c }) => d.where(d.and(d.lt(a, b), d.lt(b, c)), g, 0),
      (d, { g, a, b, c }) => d.where(d.or(d.gt(a, c), d.lt(c, b)), g, 0),
    ],
    textbook: (d, { a, b, c, da, db, dc }) =>
      d.add(
        d.add(
          d.mul(da, d.mul(d.step(d.sub(a, b)), d.step(d.sub(c, a)))),
          d.mul(db, d.step(d.sub(b, a))),
        ),
        d.mul(dc, d.step(d.sub(a, c))),
      ),
  }),
  // d/da where(c, a, b) = 1 where c, d/db = 1 where not c; the condition has no derivative
  where: ternary({
    forward: T.where,
    scalar: (c, a, b) => `(${c} !== 0 ? ${a} : ${b})`,
    derivative: [
      null,
      (d, { g, a }) => d.where(d.nonzero(a), g, 0),
      (d, { g, a }) => d.where(d.nonzero(a), 0, g),
    ],
  }),
  // d/dx (−x) = −1
  neg: unary({
    forward: U.neg,
    scalar: (a) => `(-(${a}))`,
    derivative: (d, { g }) => d.neg(g),
    textbook: (d, { da }) => d.neg(da),
  }),
} as const satisfies Record<string, Rule>
