import { fmaf, fromBits, ilogb2k, ldexp2, ldexp3, mulsign, rintToInt } from './float32-arith'
import * as df from './float32-df'

/**
 * SLEEF 3.5's single-precision exponentials and logarithms (src/libm/sleefsimdsp.c), one lane of the
 * AVX2 build that PyTorch 1.13's Vectorized<float> calls (aten/src/ATen/cpu/vec/vec256/vec256_float.h):
 * exp → Sleef_expf8_u10 (xexpf), log → Sleef_logf8_u10 (xlogf_u1), log1p → Sleef_log1pf8_u10 (xlog1pf),
 * log2 → Sleef_log2f8_u10 (xlog2f), log10 → Sleef_log10f8_u10 (xlog10f), expm1 → Sleef_expm1f8_u10
 * (xexpm1f), tanh → Sleef_tanhf8_u10 (xtanhf), sinh → Sleef_sinhf8_u10 (xsinhf), cosh →
 * Sleef_coshf8_u10 (xcoshf), erf → Sleef_erff8_u10 (xerff_u1), which ends in e^(−…) too, and pow →
 * Sleef_powf8_u10 (xpowf, e^(y·ln x) in double-float).
 * Each is the published algorithm — Cody–Waite range reduction by ln 2, a minimax polynomial, a scaling
 * by 2^q — computed step by step in float32 with AVX2's fused multiply-adds, so the results are SLEEF's
 * to the bit (≤ 1 ulp from the true value, and not always the correctly rounded float).
 */

const f = Math.fround

const R_LN2 = f(1.4426950408889634)
const L2U = 0.693145751953125
const L2L = f(0.000001428606765330187)
const FLT_MIN = 1.1754943508222875e-38
const TWO_64 = 18446744073709551616
const FOUR_THIRDS = f(1 / 0.75)
/** ln 2 as a double-float (hi + lo). */
const LN2_DF: df.DF = [f(0.6931471824645996), f(-1.904654323148236e-9)]

/** xexpf: eˣ with |error| ≤ 1 ulp; 0 below −104, +∞ above 100. */
export function sleefExpf(d: number): number {
  const q = rintToInt(f(d * R_LN2))
  const qf = f(q)
  let s = fmaf(qf, -L2U, d)
  s = fmaf(qf, -L2L, s)
  let u = f(0.00019852761761285365)
  u = fmaf(u, s, f(0.0013930435525253415))
  u = fmaf(u, s, f(0.008333360776305199))
  u = fmaf(u, s, f(0.041666485369205475))
  u = fmaf(u, s, f(0.1666666716337204))
  u = fmaf(u, s, 0.5)
  u = f(1 + fmaf(f(s * s), u, s))
  u = ldexp2(u, q)
  if (d < -104) u = 0
  if (100 < d) u = Infinity
  return u
}

/** The reduction shared by xlogf_u1 and friends: d = m·2^e with m in [0.75, 1.5). */
function split(d: number): [m: number, e: number] {
  const tiny = d < FLT_MIN
  if (tiny) d = f(d * TWO_64)
  let e = ilogb2k(f(d * FOUR_THIRDS))
  const m = ldexp3(d, -e)
  if (tiny) e -= 64
  return [m, e]
}

/** xlogf_u1: ln x, ≤ 1 ulp; −∞ at 0, NaN below 0. */
export function sleefLogf(d: number): number {
  const [m, e] = split(d)
  let s = df.mulDF(LN2_DF, f(e))
  const x = df.div(df.add2FF(-1, m), df.add2FF(1, m))
  const x2 = f(x[0] * x[0])
  let t = f(0.3027294874)
  t = fmaf(t, x2, f(0.3996108174))
  t = fmaf(t, x2, f(0.666669488))
  s = df.addDD(s, df.scale(x, 2))
  s = df.addDF(s, f(f(x2 * x[0]) * t))
  let r = f(s[0] + s[1])
  if (d === Infinity) r = Infinity
  if (d < 0 || Number.isNaN(d)) r = NaN
  if (d === 0) r = -Infinity
  return r
}

/** The special values every logarithm shares: +∞ at +∞, NaN below 0, −∞ at 0. */
function logSpecials(d: number, r: number): number {
  if (d === Infinity) return Infinity
  if (d < 0 || Number.isNaN(d)) return NaN
  if (d === 0) return -Infinity
  return r
}

/** xlog2f: log₂ x = e + log₂ m, ≤ 1 ulp. */
export function sleefLog2f(d: number): number {
  const [m, e] = split(d)
  const x = df.div(df.add2FF(-1, m), df.add2FF(1, m))
  const x2 = f(x[0] * x[0])
  let t = f(0.4374550283)
  t = fmaf(t, x2, f(0.5764790177))
  t = fmaf(t, x2, f(0.961801290512))
  let s = df.add2FD(f(e), df.mulDD(x, [f(2.885390043258667), f(3.273447448356849e-8)]))
  s = df.add2DF(s, f(f(x2 * x[0]) * t))
  return logSpecials(d, f(s[0] + s[1]))
}

/** xlog10f: log₁₀ x = e·log₁₀ 2 + log₁₀ m, ≤ 1 ulp. */
export function sleefLog10f(d: number): number {
  const [m, e] = split(d)
  const x = df.div(df.add2FF(-1, m), df.add2FF(1, m))
  const x2 = f(x[0] * x[0])
  let t = f(0.1314289868)
  t = fmaf(t, x2, f(0.1735493541))
  t = fmaf(t, x2, f(0.2895309627))
  let s = df.mulDF([f(0.30103001), f(-1.432098889e-8)], f(e))
  s = df.addDD(s, df.mulDD(x, [f(0.868588984), f(-2.170757285e-8)]))
  s = df.addDF(s, f(f(x2 * x[0]) * t))
  return logSpecials(d, f(s[0] + s[1]))
}

/** xlog1pf: ln(1 + x), ≤ 1 ulp, accurate near 0. */
export function sleefLog1pf(d: number): number {
  let dp1 = f(d + 1)
  const tiny = dp1 < FLT_MIN
  if (tiny) dp1 = f(dp1 * TWO_64)
  let e = ilogb2k(f(dp1 * FOUR_THIRDS))
  const t0 = ldexp3(1, -e)
  const m = fmaf(d, t0, f(t0 - 1))
  if (tiny) e -= 64
  let s = df.mulDF(LN2_DF, f(e))
  const x = df.div([m, 0], df.addFF(2, m))
  const x2 = f(x[0] * x[0])
  let t = f(0.3027294874)
  t = fmaf(t, x2, f(0.3996108174))
  t = fmaf(t, x2, f(0.666669488))
  s = df.addDD(s, df.scale(x, 2))
  s = df.addDF(s, f(f(x2 * x[0]) * t))
  let r = f(s[0] + s[1])
  if (d > 1e38) r = Infinity
  if (-1 > d || Number.isNaN(d)) r = NaN
  if (d === -1) r = -Infinity
  if (Object.is(d, -0)) r = -0
  return r
}

/** expk2f: e^(hi + lo) as a double-float, the core of tanh, sinh and cosh. */
function expk2f(d: df.DF): df.DF {
  const q = rintToInt(f(f(d[0] + d[1]) * R_LN2))
  const qf = f(q)
  let s = df.add2DF(d, f(qf * -L2U))
  s = df.add2DF(s, f(qf * -L2L))
  let u = f(0.1980960224e-3)
  u = fmaf(u, s[0], f(0.1394256484e-2))
  u = fmaf(u, s[0], f(0.8333456703e-2))
  u = fmaf(u, s[0], f(0.4166637361e-1))
  let t = df.add2DF(df.mulDF(s, u), f(0.16666665941423425))
  t = df.add2DF(df.mulDD(s, t), 0.5)
  t = df.add2DD(s, df.mulDD(df.squ(s), t))
  t = df.addFD(1, t)
  if (d[0] < -104) return [0, 0]
  return [ldexp2(t[0], q), ldexp2(t[1], q)]
}

/** xexpm1f: eˣ − 1 from the double-float eˣ, exact near 0; −1 below −16.64, +∞ above 88.72. */
export function sleefExpm1f(a: number): number {
  const d = df.add2DF(expk2f([a, 0]), -1)
  let x = f(d[0] + d[1])
  if (a > 88.72283172607422) x = Infinity
  if (a < f(-16.635532333438686)) x = -1
  return Object.is(a, -0) ? -0 : x
}

/** xtanhf: (eʸ − e⁻ʸ)/(eʸ + e⁻ʸ) in double-float, ±1 beyond |x| > 8.664339742. */
export function sleefTanhf(x: number): number {
  let d = expk2f([Math.abs(x), 0])
  const e = df.rec(d)
  d = df.div(df.addDD(d, df.neg(e)), df.addDD(d, e))
  let y = f(d[0] + d[1])
  if (Math.abs(x) > f(8.664339742) || Number.isNaN(y)) y = 1
  y = mulsign(y, x)
  return Number.isNaN(x) ? NaN : y
}

/** xsinhf: (eʸ − e⁻ʸ)/2 in double-float, ±∞ beyond |x| > 89. */
export function sleefSinhf(x: number): number {
  let d = expk2f([Math.abs(x), 0])
  d = df.subDD(d, df.rec(d))
  let y = f(f(d[0] + d[1]) * 0.5)
  if (Math.abs(x) > 89 || Number.isNaN(y)) y = Infinity
  y = mulsign(y, x)
  return Number.isNaN(x) ? NaN : y
}

/** xcoshf: (eʸ + e⁻ʸ)/2 in double-float, +∞ beyond |x| > 89. */
export function sleefCoshf(x: number): number {
  let d = expk2f([Math.abs(x), 0])
  d = df.addDD(d, df.rec(d))
  let y = f(f(d[0] + d[1]) * 0.5)
  if (Math.abs(x) > 89 || Number.isNaN(y)) y = Infinity
  return Number.isNaN(x) ? NaN : y
}

/** A double constant as SLEEF's vcast_vf2_d splits it: the nearest float and the float of the rest. */
const split2 = (d: number): df.DF => [f(d), f(d - f(d))]

/** xerff_u1's three polynomials, for |x| < 1.1 (in x²), < 2.4 and < 4 (in |x|): float, then double-float terms. */
const ERF_FLOAT = [
  [0.7089292194e-4, -0.1792667899e-4, -0.9495757695e-5],
  [-0.7768311189e-3, 0.393763301e-3, 0.2481465926e-3],
  [0.5159463733e-2, -0.3949181177e-2, -0.2918176819e-2],
  [-0.2683781274e-1, 0.244547464e-1, 0.2059706673e-1],
  [0.1128318012, -0.107099615, -0.9901899844e-1],
].map((row) => row.map(f))
const ERF_DF = [
  [-0.37612587600065744, -0.6345889059084104, -0.6435980505478917],
  [1.1283791602105915, -1.128798558266945, -1.1246148774284557],
].map((row) => row.map(split2))

/** xerff_u1: erf x, ≤ 1 ulp; for |x| ≥ 1.1 as 1 − e^(−p(|x|)·|x|), and ±1 from |x| ≥ 4. */
export function sleefErff(x: number): number {
  const a = Math.abs(x)
  const k = a < 1.1 ? 0 : a < 2.4 ? 1 : 2
  const u = k === 0 ? f(a * a) : a
  let t = ERF_FLOAT[0]![k]!
  for (let i = 1; i < ERF_FLOAT.length; i++) t = fmaf(t, u, ERF_FLOAT[i]![k]!)
  let d = df.mulFF(t, u)
  d = df.add2DD(d, ERF_DF[0]![k]!)
  d = df.mulDF(d, u)
  d = df.add2DD(d, ERF_DF[1]![k]!)
  d = df.mulDF(d, a)
  if (k !== 0) d = df.addFD(1, df.neg(expk2f(d)))
  const r = mulsign(a < 4 ? f(d[0] + d[1]) : 1, x)
  return Number.isNaN(a) ? NaN : r
}

/** logkf: ln d as a double-float, for pow. */
function logkf(d: number): df.DF {
  const [m, e] = split(d)
  const x = df.div(df.add2FF(-1, m), df.add2FF(1, m))
  const x2 = df.squ(x)
  let t = f(0.2403203547000885)
  t = fmaf(t, x2[0], f(0.2851126790046692))
  t = fmaf(t, x2[0], f(0.4000079929828644))
  const c: df.DF = [f(0.6666666269302368), f(3.691838612596143e-9)]
  let s = df.mulDF(LN2_DF, f(e))
  s = df.addDD(s, df.scale(x, 2))
  return df.addDD(s, df.mulDD(df.mulDD(x2, x), df.add2DD(df.mulDF(x2, t), c)))
}

/** vldexp_vf_vf_vi2: x·2^q in five multiplications, so q may span the whole exponent range and more. */
function ldexp(x: number, q: number): number {
  let m = q >> 31
  m = (((m + q) >> 6) - m) << 4
  q = (q - (m << 2)) | 0
  m += 0x7f
  m = m > 0 ? m : 0
  m = m > 0xff ? 0xff : m
  let u = fromBits(m << 23)
  x = f(f(f(f(x * u) * u) * u) * u)
  u = fromBits(((q + 0x7f) << 23) | 0)
  return f(x * u)
}

/** expkf: e^(hi + lo) for pow. */
function expkf(d: df.DF): number {
  const q = rintToInt(f(f(d[0] + d[1]) * R_LN2))
  const qf = f(q)
  let s = df.add2DF(d, f(qf * -L2U))
  s = df.add2DF(s, f(qf * -L2L))
  s = df.normalize(s)
  let u = f(0.0013632464688271284)
  u = fmaf(u, s[0], f(0.00836596917361021))
  u = fmaf(u, s[0], f(0.041671082377433777))
  u = fmaf(u, s[0], f(0.16666552424430847))
  u = fmaf(u, s[0], f(0.49999985098838806))
  let t = df.addDD(s, df.mulDF(df.squ(s), u))
  t = df.addFD(1, t)
  return d[0] < -104 ? 0 : ldexp(f(t[0] + t[1]), q)
}

/** xpowf: x^y = e^(y·ln |x|), signed for odd integer y, with C99's special cases. */
export function sleefPowf(x: number, y: number): number {
  const yIsInt = Math.trunc(y) === y || Math.abs(y) > 2 ** 24
  const yIsOdd =
    yIsInt && Math.abs(y) < 2 ** 24 && (Math.abs(y) < 2 ** 31 ? Math.trunc(y) & 1 : 0) === 1
  let result = expkf(df.mulDF(logkf(Math.abs(x)), y))
  if (Number.isNaN(result)) result = Infinity
  result = f(result * (x > 0 ? 1 : yIsInt ? (yIsOdd ? -1 : 1) : NaN))
  const efx = mulsign(f(Math.abs(x) - 1), y)
  if (Math.abs(y) === Infinity) result = efx < 0 ? 0 : efx === 0 ? 1 : Infinity
  if (Math.abs(x) === Infinity || x === 0) {
    const negativeY = toSignBit(y)
    result = mulsign(negativeY !== (x === 0) ? 0 : Infinity, yIsOdd ? x : 1)
  }
  if (Number.isNaN(x) || Number.isNaN(y)) result = NaN
  if (y === 0 || x === 1) result = 1
  return result
}

const toSignBit = (v: number): boolean => v < 0 || Object.is(v, -0)
