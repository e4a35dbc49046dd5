/**
 * Every derivative the engine knows, as one table (after PyTorch's tools/autograd/derivatives.yaml and
 * tinygrad's gradient.py). Per op: its forward kernel, its output as a JS expression (`scalar`, for the
 * generated loop), and its derivative written ONCE, per input, as a formula over the rule algebra
 * (algebra.ts). That one formula is the tensor backward (so a backward pass can itself be recorded,
 * `createGraph`), the generated loop's gradient code, and the derivative shown to the learner. Where
 * the learner reads a textbook form instead (1/cos² for tan, step for relu, the product rule), the
 * entry says so in `textbook`, beside the formula; a test holds the two to the same numbers.
 * Where the math is undefined the formula follows PyTorch, citing derivatives.yaml (DY) or
 * torch/csrc/autograd/FunctionsManual.cpp (FM).
 *
 * A new op is one entry here, its forward kernel, one catalog entry (core/ops/catalog.ts) and its rows
 * in rules.test.ts.
 */
import type { Textbook } from './algebra'
import { binaryKernels as B } from './kernels/binary'
import { expandKernel, meanKernel, sumKernel, sumToKernel } from './kernels/reduce'
import { SOFTPLUS_THRESHOLD } from './kernels/scalar'
import { ternaryKernels as T } from './kernels/ternary'
import { unaryKernels as U } from './kernels/unary'
import { expand, div, sumTo } from './ops'
import { binary, cPowTemplate, powScalarTemplate, ternary, unary, type Rule } from './rule-types'
import { numel, SCALAR_SHAPE } from './shape'

/** M_2_SQRTPI, 2/√π as C's math.h rounds it. */
const TWO_OVER_SQRT_PI = 1.1283791670955126

/** The power rule as taught: (f^c)′ = c·f^(c−1)·f′, (c^g)′ = c^g·ln c·g′, else f^g·(g′ ln f + g f′/f). */
const powerRule: Textbook = (d, { a, b, out, da, db, varies }) => {
  if (!varies[1]) return d.mul(d.mul(b, d.pow(a, d.sub(b, 1))), da)
  if (!varies[0]) return d.mul(d.mul(db, out), d.log(a))
  return d.mul(out, d.add(d.mul(db, d.log(a)), d.div(d.mul(b, da), a)))
}

export const RULES = {
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
  // d/dx eˣ = eˣ (the saved result)
  exp: unary({
    forward: U.exp,
    scalar: (a) => `Math.exp(${a})`,
    derivative: (d, { g, out }) => d.mul(g, out),
  }),
  // d/dx ln x = 1/x (ln of a negative number is NaN, of 0 is −∞, as in PyTorch)
  log: unary({
    forward: U.log,
    scalar: (a) => `Math.log(${a})`,
    derivative: (d, { g, a }) => d.div(g, a),
  }),
  // d/dx log₂ x = 1/(x ln 2)
  log2: unary({
    forward: U.log2,
    scalar: (a) => `Math.log2(${a})`,
    derivative: (d, { g, a }) =>
      d.div(
        g,
        d.mul(
          a,
          d.constant(Math.LN2, (s) => s.log(2)),
        ),
      ),
  }),
  // d/dx log₁₀ x = 1/(x ln 10)
  log10: unary({
    forward: U.log10,
    scalar: (a) => `Math.log10(${a})`,
    derivative: (d, { g, a }) =>
      d.div(
        g,
        d.mul(
          a,
          d.constant(Math.LN10, (s) => s.log(10)),
        ),
      ),
  }),
  // d/dx √x = 1/(2√x), so +∞ at 0 (DY sqrt: grad / (2 * result))
  sqrt: unary({
    forward: U.sqrt,
    scalar: (a) => `Math.sqrt(${a})`,
    derivative: (d, { g, out }) => d.div(g, d.mul(2, out)),
  }),
  // d/dx |x| = sign x, so 0 at 0 (DY abs: grad * self.sgn())
  abs: unary({
    forward: U.abs,
    scalar: (a) => `Math.abs(${a})`,
    derivative: (d, { g, a }) => d.mul(g, d.sign(a)),
  }),
  // d/dx sin x = cos x
  sin: unary({
    forward: U.sin,
    scalar: (a) => `Math.sin(${a})`,
    derivative: (d, { g, a }) => d.mul(g, d.cos(a)),
  }),
  // d/dx cos x = −sin x
  cos: unary({
    forward: U.cos,
    scalar: (a) => `Math.cos(${a})`,
    derivative: (d, { g, a }) => d.mul(g, d.neg(d.sin(a))),
  }),
  // d/dx tan x = 1 + tan² x (DY tan: grad * (1 + result.pow(2))); shown as 1/cos² x
  tan: unary({
    forward: U.tan,
    scalar: (a) => `Math.tan(${a})`,
    derivative: (d, { g, out }) => d.mul(g, d.add(1, d.mul(out, out))),
    textbook: (d, { a, da }) => d.mul(da, d.div(1, d.pow(d.cos(a), 2))),
  }),
  // d/dx asin x = 1/√(1 − x²): +∞ at ±1, NaN beyond. x² is pow(x, 2), which is exactly x·x.
  asin: unary({
    forward: U.asin,
    scalar: (a) => `Math.asin(${a})`,
    derivative: (d, { g, a }) => d.div(g, d.sqrt(d.sub(1, d.powScalar(a, 2)))),
  }),
  // d/dx acos x = −1/√(1 − x²)
  acos: unary({
    forward: U.acos,
    scalar: (a) => `Math.acos(${a})`,
    derivative: (d, { g, a }) => d.neg(d.div(g, d.sqrt(d.sub(1, d.powScalar(a, 2))))),
  }),
  // d/dx atan x = 1/(1 + x²) (addition commutes exactly, so 1 + x² is x² + 1 to the bit)
  atan: unary({
    forward: U.atan,
    scalar: (a) => `Math.atan(${a})`,
    derivative: (d, { g, a }) => d.div(g, d.add(1, d.powScalar(a, 2))),
  }),
  // d/dx sinh x = cosh x
  sinh: unary({
    forward: U.sinh,
    scalar: (a) => `Math.sinh(${a})`,
    derivative: (d, { g, a }) => d.mul(g, d.cosh(a)),
  }),
  // d/dx cosh x = sinh x
  cosh: unary({
    forward: U.cosh,
    scalar: (a) => `Math.cosh(${a})`,
    derivative: (d, { g, a }) => d.mul(g, d.sinh(a)),
  }),
  // d/dx tanh x = 1 − tanh² x (DY tanh: tanh_backward(grad, result))
  tanh: unary({
    forward: U.tanh,
    scalar: (a) => `Math.tanh(${a})`,
    derivative: (d, { g, out }) => d.mul(g, d.sub(1, d.mul(out, out))),
  }),
  // d/dx relu x = 1 where relu x > 0, else 0, so 0 at 0 (DY relu: threshold_backward(grad, result, 0),
  // which zeroes where result ≤ 0 and so passes the gradient through a NaN); shown as step(x)
  relu: unary({
    forward: U.relu,
    scalar: (a) => `(${a} <= 0 ? 0 : ${a})`,
    derivative: (d, { g, out }) => d.where(d.le(out, 0), 0, g),
    textbook: (d, { a, da }) => d.mul(da, d.step(a)),
  }),
  // d/dx σ(x) = σ(x)(1 − σ(x)) (sigmoid_backward: grad * (1 - result) * result)
  sigmoid: unary({
    forward: U.sigmoid,
    scalar: (a) => `(1 / (1 + Math.exp(-(${a}))))`,
    derivative: (d, { g, out }) => d.mul(d.mul(g, d.sub(1, out)), out),
    textbook: (d, { out, da }) => d.mul(da, d.mul(out, d.sub(1, out))),
  }),
  // d/dx softplus x = eˣ/(eˣ + 1) = σ(x), and exactly 1 above the threshold 20 where softplus x = x
  // (softplus_backward with PyTorch's defaults beta = 1, threshold = 20); shown as σ(x)
  softplus: unary({
    forward: U.softplus,
    scalar: (a) => `(${a} > ${SOFTPLUS_THRESHOLD} ? ${a} : Math.log1p(Math.exp(${a})))`,
    derivative: (d, { g, a }) => {
      const z = d.exp(a)
      return d.where(d.gt(a, SOFTPLUS_THRESHOLD), g, d.div(d.mul(g, z), d.add(z, 1)))
    },
    textbook: (d, { a, da }) => d.mul(da, d.sigmoid(a)),
  }),
  // d/dx ln(1 + x) = 1/(x + 1) (DY log1p: log1p_backward, grad / (self + 1))
  log1p: unary({
    forward: U.log1p,
    scalar: (a) => `Math.log1p(${a})`,
    derivative: (d, { g, a }) => d.div(g, d.add(a, 1)),
  }),
  // d/dx (eˣ − 1) = eˣ = expm1(x) + 1, from the saved result (DY expm1: grad * (result + 1))
  expm1: unary({
    forward: U.expm1,
    scalar: (a) => `Math.expm1(${a})`,
    derivative: (d, { g, out }) => d.mul(g, d.add(out, 1)),
  }),
  // d/dx erf x = 2/√π·e^(−x²) (DY erf: 2.0 / sqrt(M_PI) * exp(-(self.pow(2))) * grad)
  erf: unary({
    forward: U.erf,
    scalar: (a) => `lib.erf(${a})`,
    derivative: (d, { g, a }) =>
      d.mul(
        d.mul(
          d.constant(TWO_OVER_SQRT_PI, (s) => s.div(2, s.sqrt(s.pi))),
          d.exp(d.neg(d.powScalar(a, 2))),
        ),
        g,
      ),
  }),
  // d/dx x·σ(x) = σ(x)·(1 + x·(1 − σ(x))) (FM infinitely_differentiable_silu_backward, which is
  // also the CPU silu_backward kernel: dy * sigmoid * (1 + x * (1 - sigmoid)))
  silu: unary({
    forward: U.silu,
    scalar: (a) => `(${a} / (1 + Math.exp(-(${a}))))`,
    derivative: (d, { g, a }) => {
      const sigmoid = d.sigmoid(a)
      return d.mul(d.mul(g, sigmoid), d.add(1, d.mul(a, d.sub(1, sigmoid))))
    },
  }),
  // d/dx x·Φ(x) = Φ(x) + x·φ(x), the exact (erf) GELU: PyTorch's CPU gelu_backward computes
  // cdf = 0.5 * (1 + erf(x * M_SQRT1_2)), pdf = kBeta * exp(x * x * -0.5) with
  // kBeta = M_2_SQRTPI * M_SQRT1_2 * 0.5 (= 1/√(2π)), and returns dy * (cdf + x * pdf)
  gelu: unary({
    forward: U.gelu,
    scalar: (a) => `lib.gelu(${a})`,
    derivative: (d, { g, a }) => {
      const alpha = d.constant(Math.SQRT1_2, (s) => s.div(1, s.sqrt(2)))
      const beta = d.constant(TWO_OVER_SQRT_PI * Math.SQRT1_2 * 0.5, (s) =>
        s.div(1, s.sqrt(s.mul(2, s.pi))),
      )
      const cdf = d.mul(0.5, d.add(1, d.erf(d.mul(a, alpha))))
      const pdf = d.mul(beta, d.exp(d.mul(d.mul(a, a), -0.5)))
      return d.mul(g, d.add(cdf, d.mul(a, pdf)))
    },
  }),
  // d/dxᵢ Σ x = 1 for every i: the gradient is spread back over the input's shape
  sum: {
    kind: 'reduction',
    outputShape: () => SCALAR_SHAPE,
    forward: (out, a) => {
      out[0] = sumKernel(a)
    },
    backward: [(g, { aShape }) => expand(g, aShape)],
  },
  // d/dxᵢ mean x = 1/n (DY mean: grad.expand(sizes) / numel)
  mean: {
    kind: 'reduction',
    outputShape: () => SCALAR_SHAPE,
    forward: (out, a) => {
      out[0] = meanKernel(a)
    },
    backward: [(g, { aShape }) => div(expand(g, aShape), numel(aShape))],
  },
  // broadcasting a single value to a shape; its adjoint sums back (PyTorch's expand / sum_to)
  expand: {
    kind: 'reduction',
    outputShape: (_input, target) => target,
    forward: expandKernel,
    backward: [(g, { aShape }) => sumTo(g, aShape)],
  },
  // summing over a broadcast axis, down to a shape; its adjoint broadcasts again
  sumTo: {
    kind: 'reduction',
    outputShape: (_input, target) => target,
    forward: sumToKernel,
    backward: [(g, { aShape }) => expand(g, aShape)],
  },
} as const satisfies Record<string, Rule>

/** The name of a rule in the table: an op of the engine (`mul`, `powScalar`, `sum`). */
export type RuleName = keyof typeof RULES

/** The ops applied element by element: every op but the reductions, each with scalar templates. */
export type ElementwiseOpName = {
  [K in RuleName]: (typeof RULES)[K]['kind'] extends 'elementwise' ? K : never
}[RuleName]

export const ELEMENTWISE_OPS: readonly ElementwiseOpName[] = (
  Object.keys(RULES) as RuleName[]
).filter((op): op is ElementwiseOpName => RULES[op].kind === 'elementwise')
