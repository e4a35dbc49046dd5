import { fma, ldexp2, mulsign, rint, rintToInt } from './float64-arith'

/**
 * SLEEF 3.5's double-precision functions (src/libm/sleefsimddp.c, with the double-double helpers of
 * dd.h in their ENABLE_FMA_DP form), one lane of the AVX2 build that PyTorch 1.13's Vectorized<double>
 * calls (aten/src/ATen/cpu/vec/vec256/vec256_double.h): exp → Sleef_expd4_u10 (xexp), tanh →
 * Sleef_tanhd4_u10 (xtanh, through expk2 in double-double). Each step is the published algorithm computed
 * in doubles with AVX2's fused multiply-adds (float64-arith.ts fma), so the results are SLEEF's to the bit
 * (≤ 1 ulp from the true value, and not always the correctly rounded double).
 */

const R_LN2 = 1.4426950408889634
/** ln 2 in two parts for the Cody–Waite reduction: L2U, its upper bits, and L2L, the rest. */
const L2U = 0.693147180559663
const L2L = 2.8235290563031577e-13

/** A double-double hi + lo (SLEEF's vdouble2). */
type DD = [hi: number, lo: number]

/** POLY2…POLY10 of SLEEF's misc.h: Estrin's scheme, coefficients from the highest degree down. */
const poly2 = (x: number, c1: number, c0: number): number => fma(x, c1, c0)
const poly4 = (x: number, x2: number, c: readonly number[]): number =>
  fma(x2, poly2(x, c[0]!, c[1]!), poly2(x, c[2]!, c[3]!))
const poly8 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly4(x, x2, c.slice(0, 4)), poly4(x, x2, c.slice(4)))
const poly10 = (x: number, x2: number, x4: number, x8: number, c: readonly number[]): number =>
  fma(x8, poly2(x, c[0]!, c[1]!), poly8(x, x2, x4, c.slice(2)))

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

// dd.h, ENABLE_FMA_DP: the double-double operations xtanh uses, in SLEEF's order of operations.
const ddadd2DD = (x: DD, y: number): DD => {
  const s = x[0] + y
  const v = s - x[0]
  return [s, x[0] - (s - v) + (y - v) + x[1]]
}
const ddadd2DDDD = (x: DD, y: DD): DD => {
  const s = x[0] + y[0]
  const v = s - x[0]
  return [s, x[0] - (s - v) + (y[0] - v) + (x[1] + y[1])]
}
/** ddadd_vd2_vd_vd2 (|x| ≥ |y|). */
const ddaddDDD = (x: number, y: DD): DD => {
  const s = x + y[0]
  return [s, x - s + y[0] + y[1]]
}
/** ddadd_vd2_vd2_vd2 (|x| ≥ |y|). */
const ddaddDDDD = (x: DD, y: DD): DD => {
  const s = x[0] + y[0]
  return [s, x[0] - s + y[0] + x[1] + y[1]]
}
const ddmulDD = (x: DD, y: number): DD => {
  const s = x[0] * y
  return [s, fma(x[1], y, fma(x[0], y, -s))]
}
const ddmulDDDD = (x: DD, y: DD): DD => {
  const s = x[0] * y[0]
  return [s, fma(x[0], y[1], fma(x[1], y[0], fma(x[0], y[0], -s)))]
}
const ddsqu = (x: DD): DD => {
  const s = x[0] * x[0]
  return [s, fma(x[0] + x[0], x[1], fma(x[0], x[0], -s))]
}
const ddrec = (d: DD): DD => {
  const t = 1 / d[0]
  return [t, t * fma(-d[1], t, fma(-d[0], t, 1))]
}
const dddiv = (n: DD, d: DD): DD => {
  const t = 1 / d[0]
  const q = n[0] * t
  const u = fma(t, n[0], -q)
  const v = fma(-d[1], t, fma(-d[0], t, 1))
  return [q, fma(q, v, fma(n[1], t, u))]
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

// The trigonometric functions' Cody–Waite reductions (sleefsimddp.c): π = PI_A2 + PI_B2 for
// |d| < TRIGRANGEMAX2 = 15, π = PI_A + PI_B + PI_C + PI_D (26 bits apiece) with the quotient split at
// 2^24 below TRIGRANGEMAX = 1e14. Beyond that SLEEF reduces by Payne–Hanek (rempi), not ported.
const M_1_PI = 0.3183098861837907
const PI_A2 = 3.141592653589793
const PI_B2 = 1.2246467991473532e-16
const PI_A = 3.1415926218032837
const PI_B = 3.1786509424591713e-8
const PI_C = 1.2246467864107189e-16
const PI_D = 1.27366343270219e-24
const TWO_24 = 16777216
const TWO_23 = 8388608
export const TRIG_RANGE_MAX2 = 15
export const TRIG_RANGE_MAX = 1e14

/** Which reduction a whole 4-lane vector takes: SLEEF branches once per vector, on every lane. */
export type TrigReduction = 'short' | 'long'

/** ddadd_vd2_vd_vd (|x| ≥ |y|). */
const ddaddFF = (x: number, y: number): DD => {
  const s = x + y
  return [s, x - s + y]
}
/** ddadd2_vd2_vd_vd. */
const ddadd2FF = (x: number, y: number): DD => {
  const s = x + y
  const v = s - x
  return [s, x - (s - v) + (y - v)]
}
/** ddadd_vd2_vd2_vd (|x| ≥ |y|). */
const ddaddDF = (x: DD, y: number): DD => {
  const s = x[0] + y
  return [s, x[0] - s + y + x[1]]
}
/** ddmul_vd_vd2_vd2: the product rounded to one double. */
const ddmulToDouble = (x: DD, y: DD): number => fma(x[0], y[0], fma(x[1], y[0], x[0] * y[1]))

/** POLY6 of misc.h (Estrin), coefficients from the highest degree down. */
const poly6 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly2(x, c[0]!, c[1]!), poly4(x, x2, c.slice(2)))

const SIN_U1_POLY = [
  2.7205241613852957e-15, -7.642925941139545e-13, 1.605893701172779e-10, -2.5052106814843123e-8,
  0.0000027557319210442822, -0.00019841269841204645,
]

/** The polynomial xsin_u1 and xcos_u1 share: sin t for the reduced t = s (double-double). */
function sinKernel(t: DD): number {
  const s = ddsqu(t)
  const s2 = s[0] * s[0]
  const s4 = s2 * s2
  let u = poly6(s[0], s2, s4, SIN_U1_POLY)
  u = fma(u, s[0], 0.00833333333333318)
  const x = ddaddDDD(1, ddmulDDDD(ddaddFF(-0.16666666666666666, u * s[0]), s))
  return ddmulToDouble(t, x)
}

/** xsin_u1 (u10): sin d, ≤ 1 ulp, for |d| < 1e14 (`long` when some lane of d's vector is ≥ 15). */
export function sleefSin(d: number, reduction: TrigReduction): number {
  let s: DD
  let ql: number
  if (reduction === 'short') {
    const dql = rint(d * M_1_PI)
    ql = rintToInt(dql)
    const u = fma(dql, -PI_A2, d)
    s = ddaddFF(u, dql * -PI_B2)
  } else {
    const dqh = Math.trunc(d * (M_1_PI / TWO_24)) * TWO_24
    const dql = rint(fma(d, M_1_PI, -dqh))
    ql = rintToInt(dql)
    const u = fma(dqh, -PI_A, d)
    s = ddaddFF(u, dql * -PI_A)
    s = ddadd2DD(s, dqh * -PI_B)
    s = ddadd2DD(s, dql * -PI_B)
    s = ddadd2DD(s, dqh * -PI_C)
    s = ddadd2DD(s, dql * -PI_C)
    s = ddaddDF(s, (dqh + dql) * -PI_D)
  }
  let u = sinKernel(s)
  if ((ql & 1) === 1) u = -u
  return d === 0 ? d : u
}

/** xcos_u1 (u10): cos d, ≤ 1 ulp, for |d| < 1e14; the quotient is odd, 2·rint(d/π − ½) + 1. */
export function sleefCos(d: number, reduction: TrigReduction): number {
  let s: DD
  let ql: number
  if (reduction === 'short') {
    let dql = rint(fma(d, M_1_PI, -0.5))
    dql = fma(2, dql, 1)
    ql = rintToInt(dql)
    s = ddadd2FF(d, dql * (-PI_A2 * 0.5))
    s = ddaddDF(s, dql * (-PI_B2 * 0.5))
  } else {
    let dqh = Math.trunc(fma(d, M_1_PI / TWO_23, -M_1_PI / TWO_24))
    ql = rintToInt(d * M_1_PI + fma(dqh, -TWO_23, -0.5))
    dqh *= TWO_24
    ql = (ql + ql + 1) | 0
    const dql = ql
    const u = fma(dqh, -PI_A * 0.5, d)
    s = ddadd2FF(u, dql * (-PI_A * 0.5))
    s = ddadd2DD(s, dqh * (-PI_B * 0.5))
    s = ddadd2DD(s, dql * (-PI_B * 0.5))
    s = ddadd2DD(s, dqh * (-PI_C * 0.5))
    s = ddadd2DD(s, dql * (-PI_C * 0.5))
    s = ddaddDF(s, (dqh + dql) * (-PI_D * 0.5))
  }
  const u = sinKernel(s)
  return (ql & 2) === 0 ? -u : u
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

/** POLY3 and POLY7 of misc.h (Estrin), coefficients from the highest degree down. */
const poly3 = (x: number, x2: number, c2: number, c1: number, c0: number): number =>
  fma(x2, c2, poly2(x, c1, c0))
const poly7 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly3(x, x2, c[0]!, c[1]!, c[2]!), poly4(x, x2, c.slice(3)))

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

/** ddadd2_vd2_vd_vd2. */
function ddadd2FDD(x: number, y: DD): DD {
  const s = x + y[0]
  const v = s - x
  return [s, x - (s - v) + (y[0] - v) + y[1]]
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

const M_2_PI_DD: DD = [0.6366197723675814, -3.935735335036497e-17]
const TAN_POLY = [
  0.00032450988266392763, 0.0005619219738114324, 0.0014607815024027845, 0.0035916115407924995,
  0.008863268409563113, 0.021869487281855355, 0.05396825399517273, 0.13333333333305006,
]

/**
 * xtan_u1 (u10): tan d, ≤ 1 ulp, for |d| < 1e14. d = q·π/2 + s; with t = s/2, tan t by the
 * polynomial, then tan s = 2 tan t / (1 − tan² t) (or its negated reciprocal for odd q) in
 * double-double.
 */
export function sleefTan(d: number, reduction: TrigReduction): number {
  let s: DD
  let ql: number
  if (reduction === 'short') {
    const dql = rint(d * (2 * M_1_PI))
    ql = rintToInt(dql)
    const u = fma(dql, -PI_A2 * 0.5, d)
    s = ddaddFF(u, dql * (-PI_B2 * 0.5))
  } else {
    const dqh = Math.trunc(d * ((2 * M_1_PI) / TWO_24)) * TWO_24
    s = ddadd2DD(ddmulDD(M_2_PI_DD, d), (d < 0 ? -0.5 : 0.5) - dqh)
    const dql = Math.trunc(s[0] + s[1])
    ql = rintToInt(dql)
    const u = fma(dqh, -PI_A * 0.5, d)
    s = ddaddFF(u, dql * (-PI_A * 0.5))
    s = ddadd2DD(s, dqh * (-PI_B * 0.5))
    s = ddadd2DD(s, dql * (-PI_B * 0.5))
    s = ddadd2DD(s, dqh * (-PI_C * 0.5))
    s = ddadd2DD(s, dql * (-PI_C * 0.5))
    s = ddaddDF(s, (dqh + dql) * (-PI_D * 0.5))
  }
  const t: DD = [s[0] * 0.5, s[1] * 0.5]
  const t2 = ddsqu(t)
  const s2 = t2[0] * t2[0]
  const s4 = s2 * s2
  let u = poly8(t2[0], s2, s4, TAN_POLY)
  u = fma(u, t2[0], 0.33333333333333437)
  let x = ddaddDDDD(t, ddmulDD(ddmulDDDD(t2, t), u))
  const y = ddaddDDD(-1, ddsqu(x))
  x = [x[0] * -2, x[1] * -2]
  const odd = (ql & 1) === 1
  const q = dddiv(odd ? [-y[0], -y[1]] : x, odd ? x : y)
  return d === 0 ? d : q[0] + q[1]
}

/** POLY16 of misc.h (Estrin), coefficients from the highest degree down. */
const poly16 = (x: number, x2: number, x4: number, x8: number, c: readonly number[]): number =>
  fma(x8, poly8(x, x2, x4, c.slice(0, 8)), poly8(x, x2, x4, c.slice(8)))

const ATAN_POLY = [
  0.000010629848419144875, -0.00012562064996728687, 0.0007055766429639341, -0.0025186561449871336,
  0.006462628990369912, -0.012828133366339903, 0.02080247999241458, -0.02890023447847403,
  0.03597850050351046, -0.04184857970359251, 0.0470843011653284, -0.05249142105884484,
  0.0587946590969581, -0.06666208847787955, 0.07692253302962038, -0.09090904427733876,
]
const HALF_PI_DD: DD = [1.5707963267948966, 6.123233995736766e-17]

/**
 * xatan_u1 (u10), atan2k_u1(|d|, 1): for |d| > 1, atan |d| = π/2 − atan(1/|d|) (the quotient −1/|d|
 * and q = 1); s = the quotient in double-double, atan s = s + s³·P(s²); the sign of d put back.
 */
export function sleefAtan(d: number): number {
  const y = Math.abs(d)
  const swap = 1 < y
  const q = swap ? 1 : 0
  const s = dddiv(swap ? [-1, -0] : [y, 0], swap ? [y, 0] : [1, 0])
  const squared = ddsqu(s)
  const t0 = squared[0] + squared[1]
  const t: DD = [t0, squared[0] - t0 + squared[1]]
  const t2 = t[0] * t[0]
  const t4 = t2 * t2
  let u = poly16(t[0], t2, t4, t4 * t4, ATAN_POLY)
  u = fma(u, t[0], 0.11111110837689624)
  u = fma(u, t[0], -0.14285714275626857)
  u = fma(u, t[0], 0.19999999999797735)
  u = fma(u, t[0], -0.3333333333333176)
  let r = ddaddDDDD(s, ddmulDD(ddmulDDDD(s, t), u))
  r = ddaddDDDD(ddmulDD(HALF_PI_DD, q), r)
  let result = r[0] + r[1]
  if (y === Infinity) result = 1.5707963267948966
  return mulsign(result, d)
}
