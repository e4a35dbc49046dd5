import { fma, ldexp2, mulsign, rint, rintToInt } from './float64-arith'
import {
  type DD,
  dddiv,
  ddadd2DD,
  ddadd2DDDD,
  ddadd2FDD,
  ddadd2FF,
  ddaddDDD,
  ddaddDDDD,
  ddaddDF,
  ddaddFF,
  ddmulDD,
  ddmulDDDD,
  ddrec,
  ddsqu,
  poly10,
  poly7,
} from './float64-dd'

/**
 * SLEEF 3.5's double-precision exponentials and logarithms (src/libm/sleefsimddp.c, with the
 * double-double helpers of dd.h in their ENABLE_FMA_DP form, float64-dd.ts), one lane of the AVX2 build
 * that PyTorch 1.13's Vectorized<double> calls (aten/src/ATen/cpu/vec/vec256/vec256_double.h): exp →
 * Sleef_expd4_u10 (xexp), expm1 → Sleef_expm1d4_u10 (xexpm1), tanh → Sleef_tanhd4_u10 (xtanh, both
 * through expk2 in double-double), log → Sleef_logd4_u10 (xlog_u1), log2, log10, log1p →
 * Sleef_log2d4_u10… (xlog2, xlog10, xlog1p). The trigonometric ones are in sleef-double-trig.ts. Each step is the published algorithm computed
 * in doubles with AVX2's fused multiply-adds (float64-arith.ts fma), so the results are SLEEF's to the bit
 * (≤ 1 ulp from the true value, and not always the correctly rounded double).
 */

const R_LN2 = 1.4426950408889634
/** ln 2 in two parts for the Cody–Waite reduction: L2U, its upper bits, and L2L, the rest. */
const L2U = 0.693147180559663
const L2L = 2.8235290563031577e-13

/** xexp's minimax polynomial for (eˢ − 1 − s − s²/2)/s² … from degree 10 down (ENABLE_FMA_DP branch). */
const EXP_POLY = [
  2.0812763782371645e-9, 2.511210703042288e-8, 2.755762628169491e-7, 0.0000027557234020253882,
  0.000024801586874796863, 0.00019841269898558658, 0.0013888888889144978, 0.008333333333314938,
  0.041666666666666026, 0.1666666666666669,
]

/**
 * xexp: eᵈ = 2^q·eˢ with q = rint(d/ln 2) and s = d − q·ln 2 (two fused steps), eˢ by the polynomial
 * and three fused steps; +∞ above 709.7827111495575 (SLEEF 3.5's cut-off, a little below ln DBL_MAX),
 * 0 below −1000.
 */
export function sleefExp(d: number): number {
  const qd = rint(d * R_LN2)
  const q = rintToInt(qd)
  let s = fma(qd, -L2U, d)
  s = fma(qd, -L2L, s)
  const s2 = s * s
  const s4 = s2 * s2
  const s8 = s4 * s4
  let u = poly10(s, s2, s4, s8, EXP_POLY)
  u = fma(u, s, 0.5)
  u = fma(u, s, 1)
  u = fma(u, s, 1)
  u = ldexp2(u, q)
  if (d > 709.7827111495575) u = Infinity
  if (d < -1000) u = 0
  return u
}

/** expk2's polynomial, degree 10 down to 3 of eˢ (the rest is summed in double-double). */
const EXPK2_POLY = [
  1.602472219709932e-10, 2.092255183563157e-9, 2.5052300237826445e-8, 2.7557248009021353e-7,
  0.0000027557318923860444, 0.00002480158735605815, 0.00019841269841480719, 0.0013888888888867633,
  0.008333333333333347, 0.0416666666666667,
]

/** expk2: e^(d.hi + d.lo) as a double-double, Cody–Waite reduction kept in double-double. */
function expk2(d: DD): DD {
  const dq = rint((d[0] + d[1]) * R_LN2)
  const q = rintToInt(dq)
  let s = ddadd2DD(d, dq * -L2U)
  s = ddadd2DD(s, dq * -L2L)
  const s2 = ddsqu(s)
  const s4 = ddsqu(s2)
  const s8 = s4[0] * s4[0]
  const u = poly10(s[0], s2[0], s4[0], s8, EXPK2_POLY)
  let t = ddaddDDD(0.5, ddmulDD(s, 0.16666666666666666))
  t = ddaddDDD(1, ddmulDDDD(t, s))
  t = ddaddDDD(1, ddmulDDDD(t, s))
  t = ddaddDDDD(t, ddmulDD(s4, u))
  t = [ldexp2(t[0], q), ldexp2(t[1], q)]
  if (d[0] < -1000) t = [0, 0]
  return t
}

/**
 * xtanh: (eʸ − e⁻ʸ)/(eʸ + e⁻ʸ) for y = |x| in double-double, the sign of x put back; 1 beyond
 * |x| > 18.714973875, where the quotient rounds to 1.
 */
export function sleefTanh(x: number): number {
  const d = expk2([Math.abs(x), 0])
  const e = ddrec(d)
  const q = dddiv(ddadd2DDDD(d, [-e[0], -e[1]]), ddadd2DDDD(d, e))
  let y = q[0] + q[1]
  if (Math.abs(x) > 18.714973875 || Number.isNaN(y)) y = 1
  y = mulsign(y, x)
  return Number.isNaN(x) ? NaN : y
}

// The logarithms (sleefsimddp.c xlog_u1, xlog2, xlog10, xlog1p): d = m·2^e with m in [0.75, 1.5),
// x = (m − 1)/(m + 1) in double-double, ln m = 2x + x³·P(x²).
const DBL_MIN = 2.2250738585072014e-308
const TWO_64 = 18446744073709551616
const LN2_DD: DD = [0.6931471805599453, 2.3190468138462996e-17]
const words = new DataView(new ArrayBuffer(8))

/** The unbiased exponent field of a normal double (vilogb2k_vi_vd). */
function ilogb2k(d: number): number {
  words.setFloat64(0, d)
  return ((words.getUint32(0) >>> 20) & 0x7ff) - 0x3ff
}

/** d·2^q by adding q to the exponent bits (vldexp3_vd_vd_vi, for normal d and results). */
function ldexp3(d: number, q: number): number {
  words.setFloat64(0, d)
  words.setInt32(0, (words.getInt32(0) + (q << 20)) | 0)
  return words.getFloat64(0)
}

/** The reduction xlog_u1, xlog2 and xlog10 share, subnormals scaled by 2^64 first. */
function logReduce(d: number): [x: DD, e: number] {
  const tiny = d < DBL_MIN
  if (tiny) d *= TWO_64
  let e = ilogb2k(d * (1 / 0.75))
  const m = ldexp3(d, -e)
  if (tiny) e -= 64
  return [dddiv(ddadd2FF(-1, m), ddadd2FF(1, m)), e]
}

/** The special values every logarithm shares: +∞ at +∞, NaN below 0 and at NaN, −∞ at ±0. */
function logSpecials(d: number, r: number): number {
  if (d === Infinity) return Infinity
  if (d < 0 || Number.isNaN(d)) return NaN
  if (d === 0) return -Infinity
  return r
}

const LOG_POLY = [
  0.15320769885027014, 0.15256290510034287, 0.1818605932937786, 0.222221451983938,
  0.28571429327942993, 0.3999999999635252, 0.6666666666667334,
]

/** xlog_u1 (u10): ln d = e·ln 2 + 2x + x³·P(x²), ≤ 1 ulp. */
export function sleefLog(d: number): number {
  const [x, e] = logReduce(d)
  const x2 = x[0] * x[0]
  const x4 = x2 * x2
  const t = poly7(x2, x4, x4 * x4, LOG_POLY)
  let s = ddmulDD(LN2_DD, e)
  s = ddaddDDDD(s, [x[0] * 2, x[1] * 2])
  s = ddaddDF(s, x2 * x[0] * t)
  return logSpecials(d, s[0] + s[1])
}

const LOG2_POLY = [
  0.22119417504560815, 0.22007686931522777, 0.26237080574885147, 0.32059774779444955,
  0.41219859454853247, 0.5770780162997059, 0.9617966939260809,
]

/** xlog2 (u10): log₂ d = e + x·2/ln 2 + x³·P(x²). */
export function sleefLog2(d: number): number {
  const [x, e] = logReduce(d)
  const x2 = x[0] * x[0]
  const x4 = x2 * x2
  const t = poly7(x2, x4, x4 * x4, LOG2_POLY)
  let s = ddadd2FDD(e, ddmulDDDD(x, [2.8853900817779268, 6.056160499551674e-18]))
  s = ddadd2DD(s, x2 * x[0] * t)
  return logSpecials(d, s[0] + s[1])
}

const LOG10_POLY = [
  0.06653725819576758, 0.06625722782820834, 0.07898105214313944, 0.09650955035715275,
  0.1240841409721445, 0.1737177927454605, 0.28952965460219726,
]

/** xlog10 (u10): log₁₀ d = e·log₁₀ 2 + x·2/ln 10 + x³·P(x²). */
export function sleefLog10(d: number): number {
  const [x, e] = logReduce(d)
  const x2 = x[0] * x[0]
  const x4 = x2 * x2
  const t = poly7(x2, x4, x4 * x4, LOG10_POLY)
  let s = ddmulDD([0.3010299956639812, -2.8037281277851704e-18], e)
  s = ddaddDDDD(s, ddmulDDDD(x, [0.8685889638065036, 1.1430059694096389e-17]))
  s = ddaddDF(s, x2 * x[0] * t)
  return logSpecials(d, s[0] + s[1])
}

/**
 * xlog1p (u10): ln(1 + d) with the exponent e taken from 1 + d but m = d·2^−e + (2^−e − 1) fused, so
 * the bits of d below 1 + d's last place are kept; x = m/(2 + m).
 */
export function sleefLog1p(d: number): number {
  let dp1 = d + 1
  const tiny = dp1 < DBL_MIN
  if (tiny) dp1 *= TWO_64
  let e = ilogb2k(dp1 * (1 / 0.75))
  const t0 = ldexp3(1, -e)
  const m = fma(d, t0, t0 - 1)
  if (tiny) e -= 64
  let s = ddmulDD(LN2_DD, e)
  const x = dddiv([m, 0], ddaddFF(2, m))
  const x2 = x[0] * x[0]
  const x4 = x2 * x2
  const t = poly7(x2, x4, x4 * x4, LOG_POLY)
  s = ddaddDDDD(s, [x[0] * 2, x[1] * 2])
  s = ddaddDF(s, x2 * x[0] * t)
  let r = s[0] + s[1]
  if (d > 1e307) r = Infinity
  if (d < -1 || Number.isNaN(d)) r = NaN
  if (d === -1) r = -Infinity
  if (Object.is(d, -0)) r = -0
  return r
}

/** xexpm1 (u10): eᵃ − 1 as expk2's double-double minus 1; +∞ above ln DBL_MAX, −1 below −36.74. */
export function sleefExpm1(a: number): number {
  const d = ddadd2DD(expk2([a, 0]), -1)
  let x = d[0] + d[1]
  if (a > 709.782712893384) x = Infinity
  if (a < -36.7368005696771) x = -1
  if (Object.is(a, -0)) x = -0
  return x
}
