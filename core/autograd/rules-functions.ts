import { SOFTPLUS_THRESHOLD } from './kernels/scalar'
import { unaryKernels as U } from './kernels/unary'
import { unary, type Rule } from './rule-types'
import type { Formula, Textbook } from './algebra'

/** The rules of the functions of one argument, exp to gelu. See rules.ts. */

/** M_2_SQRTPI, 2/√π as C's math.h rounds it. */
const TWO_OVER_SQRT_PI = 1.1283791670955126

/**
 * zeros_like(grad), the backward of the piecewise-constant ops (DY floor, ceil, round, sign:
 * zeros_like(grad)): a `where` whose branches are both 0, so an infinite or NaN incoming gradient
 * still gives 0, where grad·0 would give NaN.
 */
const zerosLikeGrad: Formula = (d, { g }) => d.where(d.nonzero(g), 0, 0)
/** Shown as the chain rule with a zero slope, which simplifies to 0. */
const flat: Textbook = (d, { da }) => d.mul(da, 0)

export const FUNCTION_RULES = {
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
  // d/dx 1/x = −1/x², from the saved result (DY reciprocal: -grad * (result * result).conj()). It is
  // what PyTorch records for a Python number over a tensor: `2 / x` runs `x.reciprocal() * 2`.
  reciprocal: unary({
    forward: U.reciprocal,
    scalar: (a) => `(1 / ${a})`,
    derivative: (d, { g, out }) => d.mul(d.neg(g), d.mul(out, out)),
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
  // d/dx ⌊x⌋ = 0 wherever it has a slope, and PyTorch says 0 at the jumps too (DY floor: zeros_like)
  floor: unary({
    forward: U.floor,
    scalar: (a) => `Math.floor(${a})`,
    derivative: zerosLikeGrad,
    textbook: flat,
  }),
  // d/dx ⌈x⌉ = 0, jumps included (DY ceil: zeros_like(grad))
  ceil: unary({
    forward: U.ceil,
    scalar: (a) => `Math.ceil(${a})`,
    derivative: zerosLikeGrad,
    textbook: flat,
  }),
  // d/dx round x = 0, jumps included (DY round: zeros_like(grad)); ties go to even
  round: unary({
    forward: U.round,
    scalar: (a) => `lib.round(${a})`,
    derivative: zerosLikeGrad,
    textbook: flat,
  }),
  // d/dx sign x = 0, at 0 too (DY sign: zeros_like(grad))
  sign: unary({
    forward: U.sign,
    scalar: (a) => `(${a} > 0 ? 1 : ${a} < 0 ? -1 : 0)`,
    derivative: zerosLikeGrad,
    textbook: flat,
  }),
  // d/dx step x = 0: the Heaviside step relu′ is shown as (torch.heaviside, which has no backward at
  // all; the app gives it sign's zero gradient, and the PyTorch program writes it as relu(sign(x)))
  step: unary({
    forward: U.step,
    scalar: (a) => `(${a} > 0 ? 1 : 0)`,
    derivative: zerosLikeGrad,
    textbook: flat,
  }),
  // d/dx frac x = d/dx (x − trunc x) = 1, the jumps included (DY frac: grad)
  frac: unary({
    forward: U.frac,
    scalar: (a) => `(${a} - Math.trunc(${a}))`,
    derivative: (_d, { g }) => g,
  }),
} as const satisfies Record<string, Rule>
