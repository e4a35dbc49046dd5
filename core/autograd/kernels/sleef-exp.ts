import { fmaf, ilogb2k, ldexp2, ldexp3, mulsign, rintToInt } from './float32-arith'
import * as df from './float32-df'

/**
 * SLEEF 3.5's single-precision exponentials and logarithms (src/libm/sleefsimdsp.c), one lane of the
 * AVX2 build that PyTorch 1.13's Vectorized<float> calls (aten/src/ATen/cpu/vec/vec256/vec256_float.h):
 * exp → Sleef_expf8_u10 (xexpf), log → Sleef_logf8_u10 (xlogf_u1), log1p → Sleef_log1pf8_u10 (xlog1pf),
 * tanh → Sleef_tanhf8_u10 (xtanhf), sinh → Sleef_sinhf8_u10 (xsinhf), cosh → Sleef_coshf8_u10 (xcoshf).
 * Each is the published algorithm — Cody–Waite range reduction by ln 2, a minimax polynomial, a scaling
 * by 2^q — computed step by step in float32 with AVX2's fused multiply-adds, so the results are SLEEF's
 * to the bit (≤ 1 ulp from the true value, and not always the correctly rounded float).
 */

const f = Math.fround

const R_LN2 = f(1.4426950408889634)
const L2U = 0.693145751953125
const L2L = f(1.428606765330187045e-6)
const FLT_MIN = 1.1754943508222875e-38
const TWO_64 = 18446744073709551616
const FOUR_THIRDS = f(1 / 0.75)
/** ln 2 as a double-float (hi + lo). */
const LN2_DF: df.DF = [f(0.6931471824645996), f(-1.904654323148236017e-9)]

/** xexpf: eˣ with |error| ≤ 1 ulp; 0 below −104, +∞ above 100. */
export function sleefExpf(d: number): number {
  const q = rintToInt(f(d * R_LN2))
  const qf = f(q)
  let s = fmaf(qf, -L2U, d)
  s = fmaf(qf, -L2L, s)
  let u = f(0.000198527617612853646278381)
  u = fmaf(u, s, f(0.00139304355252534151077271))
  u = fmaf(u, s, f(0.00833336077630519866943359))
  u = fmaf(u, s, f(0.0416664853692054748535156))
  u = fmaf(u, s, f(0.166666671633720397949219))
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
