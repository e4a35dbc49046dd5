/**
 * Every derivative the engine knows, as one table (after PyTorch's tools/autograd/derivatives.yaml and
 * tinygrad's gradient.py). Per op: its forward kernel, its backward rule per input written in tensor
 * ops (so a backward pass can itself be recorded, `createGraph`), the math as a comment, and scalar
 * templates for code generation (see ScalarTemplate). Where the math is undefined the rule follows
 * PyTorch, citing derivatives.yaml (DY) or torch/csrc/autograd/FunctionsManual.cpp (FM).
 *
 * A new op is one entry here, one exported function in ops.ts and one row in rules.test.ts.
 */
import { binaryKernels as B } from './kernels/binary'
import { expandKernel, meanKernel, sumKernel, sumToKernel } from './kernels/reduce'
import { SOFTPLUS_THRESHOLD } from './kernels/scalar'
import { ternaryKernels as T } from './kernels/ternary'
import { unaryKernels as U } from './kernels/unary'
import {
  add,
  cos,
  cosh,
  div,
  eq,
  exp,
  expand,
  ge,
  gt,
  le,
  log,
  logicalAnd,
  logicalOr,
  lt,
  mul,
  neg,
  pow,
  powScalar,
  sign,
  sin,
  sinh,
  sqrt,
  sub,
  sumTo,
  where,
} from './ops'
import { binary, cPowTemplate, powScalarTemplate, ternary, unary, type Rule } from './rule-types'
import { numel, SCALAR_SHAPE } from './shape'

const LN2 = Math.LN2
const LN10 = Math.LN10

export const RULES = {
  // d/da (a + b) = 1, d/db (a + b) = 1
  add: binary({
    forward: B.add,
    backward: [(g) => g, (g) => g],
    scalar: {
      value: (a, b) => `(${a} + ${b})`,
      vjps: [(_a, _b, _out, g) => g, (_a, _b, _out, g) => g],
    },
  }),
  // d/da (a − b) = 1, d/db (a − b) = −1
  sub: binary({
    forward: B.sub,
    backward: [(g) => g, (g) => neg(g)],
    scalar: {
      value: (a, b) => `(${a} - ${b})`,
      vjps: [(_a, _b, _out, g) => g, (_a, _b, _out, g) => `(-(${g}))`],
    },
  }),
  // d/da (a·b) = b, d/db (a·b) = a
  mul: binary({
    forward: B.mul,
    backward: [(g, { b }) => mul(g, b), (g, { a }) => mul(g, a)],
    scalar: {
      value: (a, b) => `(${a} * ${b})`,
      vjps: [(_a, b, _out, g) => `(${g} * ${b})`, (a, _b, _out, g) => `(${g} * ${a})`],
    },
  }),
  // d/da (a/b) = 1/b, d/db (a/b) = −a/b² — computed as −g·((a/b)/b), FM div_tensor_other_backward
  div: binary({
    forward: B.div,
    backward: [(g, { b }) => div(g, b), (g, { a, b }) => mul(neg(g), div(div(a, b), b))],
    scalar: {
      value: (a, b) => `(${a} / ${b})`,
      vjps: [
        (_a, b, _out, g) => `(${g} / ${b})`,
        (a, b, _out, g) => `(-(${g}) * (${a} / ${b} / ${b}))`,
      ],
    },
  }),
  // d/da aᵇ = b·aᵇ⁻¹, but 0 wherever b = 0, even at a = 0 (FM pow_backward_self);
  // d/db aᵇ = aᵇ·ln a, but 0 where a = 0 and b ≥ 0, instead of 0·(−∞) (FM pow_backward_exponent)
  pow: binary({
    forward: B.pow,
    backward: [
      (g, { a, b }) => where(eq(b, 0), 0, mul(g, mul(b, pow(a, sub(b, 1))))),
      (g, { a, b, out }) => mul(g, where(logicalAnd(eq(a, 0), ge(b, 0)), 0, mul(out, log(a)))),
    ],
    scalar: {
      value: (a, b) => cPowTemplate(a, b),
      vjps: [
        (a, b, _out, g) => `(${b} === 0 ? 0 : ${g} * (${b} * ${cPowTemplate(a, `(${b} - 1)`)}))`,
        (a, b, out, g) => `(${g} * (${a} === 0 && ${b} >= 0 ? 0 : ${out} * Math.log(${a})))`,
      ],
    },
  }),
  // pow(Tensor, Scalar), what `x ** 2` runs: d/da aᵉ = e·aᵉ⁻¹ with aᵉ⁻¹ itself a Tensor-Scalar power,
  // and 0 wherever e = 0 (FM pow_backward: zeros_like when the exponent is 0). The exponent is a
  // constant (a Python number in PyTorch): it has no derivative.
  powScalar: binary({
    forward: B.powScalar,
    backward: [(g, { a, b }) => where(eq(b, 0), 0, mul(g, mul(b, powScalar(a, sub(b, 1))))), null],
    scalar: {
      value: (a, b) => powScalarTemplate(a, b),
      vjps: [
        (a, b, _out, g) =>
          `(${b} === 0 ? 0 : ${g} * (${b} * ${powScalarTemplate(a, `(${b} - 1)`)}))`,
        () => '0',
      ],
    },
  }),
  // d/da min(a, b) = 1 where a < b, ½ at a tie, 0 where a > b; d/db the mirror (DY minimum)
  minimum: binary({
    forward: B.minimum,
    backward: [
      (g, { a, b }) => where(gt(a, b), 0, where(eq(a, b), div(g, 2), g)),
      (g, { a, b }) => where(lt(a, b), 0, where(eq(a, b), div(g, 2), g)),
    ],
    scalar: {
      value: (a, b) => `Math.min(${a}, ${b})`,
      vjps: [
        (a, b, _out, g) => `(${a} > ${b} ? 0 : ${a} === ${b} ? ${g} / 2 : ${g})`,
        (a, b, _out, g) => `(${a} < ${b} ? 0 : ${a} === ${b} ? ${g} / 2 : ${g})`,
      ],
    },
  }),
  // d/da max(a, b) = 1 where a > b, ½ at a tie, 0 where a < b; d/db the mirror (DY maximum)
  maximum: binary({
    forward: B.maximum,
    backward: [
      (g, { a, b }) => where(lt(a, b), 0, where(eq(a, b), div(g, 2), g)),
      (g, { a, b }) => where(gt(a, b), 0, where(eq(a, b), div(g, 2), g)),
    ],
    scalar: {
      value: (a, b) => `Math.max(${a}, ${b})`,
      vjps: [
        (a, b, _out, g) => `(${a} < ${b} ? 0 : ${a} === ${b} ? ${g} / 2 : ${g})`,
        (a, b, _out, g) => `(${a} > ${b} ? 0 : ${a} === ${b} ? ${g} / 2 : ${g})`,
      ],
    },
  }),
  // d/dx clamp(x, lo, hi) = 1 where lo ≤ x ≤ hi (bounds included: "subgradient 1", DY clamp.Tensor);
  // d/dlo = 1 where x < lo < hi; d/dhi = 1 where x > hi or hi < lo, since lo > hi gives hi
  // (FM clamp_backward, clamp_backward_min_max)
  clamp: ternary({
    forward: T.clamp,
    backward: [
      (g, { a, b, c }) => where(logicalAnd(ge(a, b), le(a, c)), g, 0),
      (g, { a, b, c }) => where(logicalAnd(lt(a, b), lt(b, c)), g, 0),
      (g, { a, b, c }) => where(logicalOr(gt(a, c), lt(c, b)), g, 0),
    ],
    scalar: {
      value: (x, lo, hi) => `Math.min(Math.max(${x}, ${lo}), ${hi})`,
      vjps: [
        (x, lo, hi, _out, g) => `(${x} >= ${lo} && ${x} <= ${hi} ? ${g} : 0)`,
        (x, lo, hi, _out, g) => `(${x} < ${lo} && ${lo} < ${hi} ? ${g} : 0)`,
        (x, lo, hi, _out, g) => `(${x} > ${hi} || ${hi} < ${lo} ? ${g} : 0)`,
      ],
    },
  }),
  // d/da where(c, a, b) = 1 where c, d/db = 1 where not c; the condition has no derivative
  where: ternary({
    forward: T.where,
    backward: [null, (g, { a }) => where(a, g, 0), (g, { a }) => where(a, 0, g)],
    scalar: {
      value: (c, a, b) => `(${c} !== 0 ? ${a} : ${b})`,
      vjps: [
        () => '0',
        (c, _a, _b, _out, g) => `(${c} !== 0 ? ${g} : 0)`,
        (c, _a, _b, _out, g) => `(${c} !== 0 ? 0 : ${g})`,
      ],
    },
  }),
  // d/dx (−x) = −1
  neg: unary({
    forward: U.neg,
    backward: (g) => neg(g),
    scalar: { value: (a) => `(-(${a}))`, vjp: (_a, _out, g) => `(-(${g}))` },
  }),
  // d/dx eˣ = eˣ (the saved result)
  exp: unary({
    forward: U.exp,
    backward: (g, { out }) => mul(g, out),
    scalar: { value: (a) => `Math.exp(${a})`, vjp: (_a, out, g) => `(${g} * ${out})` },
  }),
  // d/dx ln x = 1/x (ln of a negative number is NaN, of 0 is −∞, as in PyTorch)
  log: unary({
    forward: U.log,
    backward: (g, { a }) => div(g, a),
    scalar: { value: (a) => `Math.log(${a})`, vjp: (a, _out, g) => `(${g} / ${a})` },
  }),
  // d/dx log₂ x = 1/(x ln 2)
  log2: unary({
    forward: U.log2,
    backward: (g, { a }) => div(g, mul(a, LN2)),
    scalar: { value: (a) => `Math.log2(${a})`, vjp: (a, _out, g) => `(${g} / (${a} * ${LN2}))` },
  }),
  // d/dx log₁₀ x = 1/(x ln 10)
  log10: unary({
    forward: U.log10,
    backward: (g, { a }) => div(g, mul(a, LN10)),
    scalar: { value: (a) => `Math.log10(${a})`, vjp: (a, _out, g) => `(${g} / (${a} * ${LN10}))` },
  }),
  // d/dx √x = 1/(2√x), so +∞ at 0 (DY sqrt: grad / (2 * result))
  sqrt: unary({
    forward: U.sqrt,
    backward: (g, { out }) => div(g, mul(2, out)),
    scalar: { value: (a) => `Math.sqrt(${a})`, vjp: (_a, out, g) => `(${g} / (2 * ${out}))` },
  }),
  // d/dx |x| = sign x, so 0 at 0 (DY abs: grad * self.sgn())
  abs: unary({
    forward: U.abs,
    backward: (g, { a }) => mul(g, sign(a)),
    scalar: {
      value: (a) => `Math.abs(${a})`,
      vjp: (a, _out, g) => `(${g} * (${a} > 0 ? 1 : ${a} < 0 ? -1 : 0))`,
    },
  }),
  // d/dx sin x = cos x
  sin: unary({
    forward: U.sin,
    backward: (g, { a }) => mul(g, cos(a)),
    scalar: { value: (a) => `Math.sin(${a})`, vjp: (a, _out, g) => `(${g} * Math.cos(${a}))` },
  }),
  // d/dx cos x = −sin x
  cos: unary({
    forward: U.cos,
    backward: (g, { a }) => mul(g, neg(sin(a))),
    scalar: { value: (a) => `Math.cos(${a})`, vjp: (a, _out, g) => `(${g} * (-Math.sin(${a})))` },
  }),
  // d/dx tan x = 1 + tan² x (DY tan: grad * (1 + result.pow(2)))
  tan: unary({
    forward: U.tan,
    backward: (g, { out }) => mul(g, add(1, mul(out, out))),
    scalar: {
      value: (a) => `Math.tan(${a})`,
      vjp: (_a, out, g) => `(${g} * (1 + ${out} * ${out}))`,
    },
  }),
  // d/dx asin x = 1/√(1 − x²): +∞ at ±1, NaN beyond
  asin: unary({
    forward: U.asin,
    backward: (g, { a }) => div(g, sqrt(sub(1, mul(a, a)))),
    scalar: {
      value: (a) => `Math.asin(${a})`,
      vjp: (a, _out, g) => `(${g} / Math.sqrt(1 - ${a} * ${a}))`,
    },
  }),
  // d/dx acos x = −1/√(1 − x²)
  acos: unary({
    forward: U.acos,
    backward: (g, { a }) => neg(div(g, sqrt(sub(1, mul(a, a))))),
    scalar: {
      value: (a) => `Math.acos(${a})`,
      vjp: (a, _out, g) => `(-(${g} / Math.sqrt(1 - ${a} * ${a})))`,
    },
  }),
  // d/dx atan x = 1/(1 + x²)
  atan: unary({
    forward: U.atan,
    backward: (g, { a }) => div(g, add(mul(a, a), 1)),
    scalar: { value: (a) => `Math.atan(${a})`, vjp: (a, _out, g) => `(${g} / (${a} * ${a} + 1))` },
  }),
  // d/dx sinh x = cosh x
  sinh: unary({
    forward: U.sinh,
    backward: (g, { a }) => mul(g, cosh(a)),
    scalar: { value: (a) => `Math.sinh(${a})`, vjp: (a, _out, g) => `(${g} * Math.cosh(${a}))` },
  }),
  // d/dx cosh x = sinh x
  cosh: unary({
    forward: U.cosh,
    backward: (g, { a }) => mul(g, sinh(a)),
    scalar: { value: (a) => `Math.cosh(${a})`, vjp: (a, _out, g) => `(${g} * Math.sinh(${a}))` },
  }),
  // d/dx tanh x = 1 − tanh² x (DY tanh: tanh_backward(grad, result))
  tanh: unary({
    forward: U.tanh,
    backward: (g, { out }) => mul(g, sub(1, mul(out, out))),
    scalar: {
      value: (a) => `Math.tanh(${a})`,
      vjp: (_a, out, g) => `(${g} * (1 - ${out} * ${out}))`,
    },
  }),
  // d/dx relu x = 1 where relu x > 0, else 0, so 0 at 0 (DY relu: threshold_backward(grad, result, 0),
  // which zeroes where result ≤ 0 and so passes the gradient through a NaN)
  relu: unary({
    forward: U.relu,
    backward: (g, { out }) => where(le(out, 0), 0, g),
    scalar: {
      value: (a) => `(${a} <= 0 ? 0 : ${a})`,
      vjp: (_a, out, g) => `(${out} <= 0 ? 0 : ${g})`,
    },
  }),
  // d/dx σ(x) = σ(x)(1 − σ(x)) (sigmoid_backward: grad * (1 - result) * result)
  sigmoid: unary({
    forward: U.sigmoid,
    backward: (g, { out }) => mul(mul(g, sub(1, out)), out),
    scalar: {
      value: (a) => `(1 / (1 + Math.exp(-(${a}))))`,
      vjp: (_a, out, g) => `(${g} * (1 - ${out}) * ${out})`,
    },
  }),
  // d/dx softplus x = eˣ/(eˣ + 1) = σ(x), and exactly 1 above the threshold 20 where softplus x = x
  // (softplus_backward with PyTorch's defaults beta = 1, threshold = 20)
  softplus: unary({
    forward: U.softplus,
    backward: (g, { a }) => {
      const z = exp(a)
      return where(gt(a, SOFTPLUS_THRESHOLD), g, div(mul(g, z), add(z, 1)))
    },
    scalar: {
      value: (a) => `(${a} > ${SOFTPLUS_THRESHOLD} ? ${a} : Math.log1p(Math.exp(${a})))`,
      vjp: (a, _out, g) =>
        `(${a} > ${SOFTPLUS_THRESHOLD} ? ${g} : ${g} * Math.exp(${a}) / (Math.exp(${a}) + 1))`,
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

export type OpName = keyof typeof RULES

/** The ops applied element by element: every op but the reductions, each with scalar templates. */
export type ElementwiseOpName = {
  [K in OpName]: (typeof RULES)[K]['kind'] extends 'elementwise' ? K : never
}[OpName]

export const ELEMENTWISE_OPS: readonly ElementwiseOpName[] = (
  Object.keys(RULES) as OpName[]
).filter((op): op is ElementwiseOpName => RULES[op].kind === 'elementwise')
