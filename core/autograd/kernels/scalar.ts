import { erf } from './erf'

/**
 * The few scalar functions whose JavaScript built-in differs from what PyTorch computes. Kernels call
 * them per element (V8 inlines them); the code-generation templates in rules.ts spell out the same
 * expressions, and a test checks the two agree bit for bit.
 */

/**
 * C's `pow`, which PyTorch calls: it differs from `Math.pow` only in that 1^y = 1 for every y (NaN
 * included) and (−1)^±∞ = 1, where JavaScript gives NaN (ECMA-262 Number::exponentiate vs C99 F.9.4.4).
 */
export function cPow(base: number, exponent: number): number {
  if (base === 1 || (base === -1 && (exponent === Infinity || exponent === -Infinity))) return 1
  return Math.pow(base, exponent)
}

/** PyTorch's softplus threshold (F.softplus default `threshold=20`, with `beta=1`). */
export const SOFTPLUS_THRESHOLD = 20

/** softplus(x) = log(1 + eˣ), and x itself above the threshold, as PyTorch's kernel. */
export function softplus(x: number): number {
  return x > SOFTPLUS_THRESHOLD ? x : Math.log1p(Math.exp(x))
}

/** sigmoid(x) = 1 / (1 + e⁻ˣ), PyTorch's CPU formula. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x))
}

/** relu(x) = max(x, 0), keeping NaN (PyTorch's relu propagates NaN). */
export function relu(x: number): number {
  return x <= 0 ? 0 : x
}

/**
 * sign as `torch.sign` on real tensors: −1, 0 or 1 from two comparisons, so sign(±0) = 0 and
 * sign(NaN) = 0 (PyTorch's vectorised sign_kernel blends on `0 < x` and `x < 0`).
 */
export function sign(x: number): number {
  return x > 0 ? 1 : x < 0 ? -1 : 0
}

/**
 * torch.round: to the nearest integer, a tie to the even one (round(2.5) = 2, round(−0.5) = −0), as
 * C's nearbyint in the default rounding mode; Math.round would send every tie up.
 */
export function roundHalfEven(x: number): number {
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x)
}

/** torch.frac: x − trunc(x), keeping the sign of x (frac(−1.5) = −0.5, frac(±∞) = NaN). */
export function frac(x: number): number {
  return x - Math.trunc(x)
}

/** The Heaviside step with value 0 at 0 (torch.heaviside(x, 0)): 1 for x > 0, else 0, NaN included. */
export function heaviside(x: number): number {
  return x > 0 ? 1 : 0
}

/**
 * PyTorch's pow(Tensor, Scalar) on CPU — what `x ** 2` runs: exponents 0 and 1 are a fill and a copy
 * (Pow.cpp pow_Tensor_Scalar_out), ½, −½ and −1 are sqrt, rsqrt and reciprocal, and 2, 3 and −2 are
 * plain products (PowKernel.cpp pow_tensor_scalar_kernel); any other exponent goes to C's pow. So x**2 is
 * exactly x·x and x**0.5 exactly √x, bit for bit.
 */
export function powScalar(x: number, exponent: number): number {
  if (exponent === 0) return 1
  if (exponent === 1) return x
  if (exponent === 0.5) return Math.sqrt(x)
  if (exponent === -0.5) return 1 / Math.sqrt(x)
  if (exponent === -1) return 1 / x
  if (exponent === 2) return x * x
  if (exponent === 3) return x * x * x
  if (exponent === -2) return 1 / (x * x)
  return cPow(x, exponent)
}

/** silu(x) = x·σ(x), as PyTorch's CPU kernel writes it: x / (1 + e⁻ˣ). */
export function silu(x: number): number {
  return x / (1 + Math.exp(-x))
}

/**
 * The exact GELU, x·Φ(x) = x·½·(1 + erf(x/√2)), in the order of PyTorch's CPU kernel
 * (GeluKernel.cpp, approximate='none'): `x * 0.5 * (1 + erf(x * M_SQRT1_2))`.
 */
export function gelu(x: number): number {
  return x * 0.5 * (1 + erf(x * Math.SQRT1_2))
}

/**
 * The functions the generated loop calls by name (`lib.erf(x)`) because JavaScript has no built-in
 * for them; the kernels call the same functions, so both paths compute the same numbers.
 */
export const SCALAR_LIBRARY = { erf, gelu, round: roundHalfEven } as const
