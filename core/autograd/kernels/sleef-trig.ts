import { fmaf, mulsign, rintFloat, rintToInt } from './float32-arith'
import * as df from './float32-df'
import { rempif } from './sleef-rempi'

/**
 * SLEEF 3.5's single-precision sin, cos, tan (xsinf_u1, xcosf_u1, xtanf_u1), atan, asin and acos
 * (xatanf_u1, xasinf_u1, xacosf_u1) from src/libm/sleefsimdsp.c, one AVX2 lane: what PyTorch 1.13's
 * Vectorized<float> calls (Sleef_sinf8_u10, Sleef_cosf8_u10, Sleef_tanf8_u10, Sleef_atanf8_u10…). sin and cos reduce by π in three float parts
 * (PI_A2f + PI_B2f + PI_C2f) into a double-float and evaluate an odd polynomial in double-float.
 *
 * That reduction holds while every lane of the 8-wide vector has |x| < 125 (TRIGRANGEMAX2f); when one
 * does not (NaN and ±∞ included), SLEEF reduces every lane of that vector by Payne–Hanek (rempif,
 * sleef-rempi.ts), which rounds small arguments differently: callers say which with `wide`. tan
 * reduces by π/2 the same two ways.
 */

const f = Math.fround

const M_1_PI = f(0.3183098861837907)
const PI_A2 = 3.1414794921875
const PI_B2 = 0.00011315941810607910156
const PI_C2 = f(1.9841872589410058936e-9)
export const TRIG_RANGE_MAX2 = 125
const TWO_OVER_PI = f(0.6366197723675814)

/** Whether SLEEF's sin/cos take the Cody–Waite path for x (NaN and ±∞ do not). */
export const inFastRange = (x: number): boolean => Math.abs(x) < TRIG_RANGE_MAX2

/** The polynomial both share: sin(t) for the reduced double-float t. */
function sinPoly(t: df.DF): number {
  const s = df.squ(t)
  let u = f(2.6083159809786593541503e-6)
  u = fmaf(u, s[0], f(-0.0001981069071916863322258))
  u = fmaf(u, s[0], f(0.00833307858556509017944336))
  const x = df.addFD(1, df.mulDD(df.addFF(f(-0.166666597127914428710938), f(u * s[0])), s))
  return df.mulDDtoF(t, x)
}

/** π/2 as a double-float, negated: added to a reduced argument to move it by a quadrant. */
const MINUS_HALF_PI: df.DF = [f(3.1415927410125732422) * -0.5, f(-8.7422776573475857731e-8) * -0.5]

/** xsinf_u1: d − qπ in double-float (by Payne–Hanek when `wide`), sign flipped for odd q. */
export function sleefSinf(d: number, wide = !inFastRange(d)): number {
  let q: number
  let s: df.DF
  if (!wide) {
    const u = rintFloat(f(d * M_1_PI))
    q = rintToInt(u)
    const v = fmaf(u, -PI_A2, d)
    s = df.add2FF(v, f(u * -PI_B2))
    s = df.addDF(s, f(u * -PI_C2))
  } else {
    const [reduced, i] = rempif(d)
    let x = reduced
    q = (((i & 3) * 2 + (x[0] > 0 ? 2 : 1)) >> 2) | 0
    if ((i & 1) === 1)
      x = df.add2DD(x, [mulsign(MINUS_HALF_PI[0], x[0]), mulsign(MINUS_HALF_PI[1], x[0])])
    s = df.normalize(x)
    if (!Number.isFinite(d)) s = [NaN, s[1]]
  }
  let r = sinPoly(s)
  if ((q & 1) === 1) r = -r
  return Object.is(d, -0) ? d : r
}

/** xcosf_u1: d − (q/2)π with q odd (by Payne–Hanek when `wide`), so cos d = ±sin of the remainder. */
export function sleefCosf(d: number, wide = !inFastRange(d)): number {
  let q: number
  let s: df.DF
  if (!wide) {
    const dq = fmaf(rintFloat(fmaf(d, M_1_PI, -0.5)), 2, 1)
    q = rintToInt(dq)
    s = df.add2FF(d, f(dq * f(-PI_A2 * 0.5)))
    s = df.add2DF(s, f(dq * f(-PI_B2 * 0.5)))
    s = df.add2DF(s, f(dq * f(-PI_C2 * 0.5)))
  } else {
    const [reduced, i] = rempif(d)
    let x = reduced
    q = (((i & 3) * 2 + (x[0] > 0 ? 8 : 7)) >> 1) | 0
    if ((i & 1) === 0) {
      const y = x[0] > 0 ? 0 : -1
      x = df.add2DD(x, [mulsign(MINUS_HALF_PI[0], y), mulsign(MINUS_HALF_PI[1], y)])
    }
    s = df.normalize(x)
    if (!Number.isFinite(d)) s = [NaN, s[1]]
  }
  const r = sinPoly(s)
  return (q & 2) === 0 ? -r : r
}

/** atan2kf_u1(y, 1) for y = |d| ≥ 0: reduce to |s| ≤ 1 by atan y = π/2 − atan(1/y), then a polynomial. */
function atanPositive(y: number): df.DF {
  const q = 1 < y ? 1 : 0
  let s: df.DF = q === 1 ? [-1, -0] : [y, 0]
  const t0: df.DF = q === 1 ? [y, 0] : [1, 0]
  s = df.div(s, t0)
  let t = df.normalize(df.squ(s))
  let u = f(-0.00176397908944636583328247)
  u = fmaf(u, t[0], f(0.0107900900766253471374512))
  u = fmaf(u, t[0], f(-0.0309564601629972457885742))
  u = fmaf(u, t[0], f(0.0577365085482597351074219))
  u = fmaf(u, t[0], f(-0.0838950723409652709960938))
  u = fmaf(u, t[0], f(0.109463557600975036621094))
  u = fmaf(u, t[0], f(-0.142626821994781494140625))
  u = fmaf(u, t[0], f(0.199983194470405578613281))
  t = df.mulDD(t, df.addFF(f(-0.333332866430282592773438), f(u * t[0])))
  t = df.mulDD(s, df.addFD(1, t))
  return df.addDD(df.mulDF([f(1.5707963705062866211), f(-4.3711388286737928865e-8)], q), t)
}

/** xatanf_u1: atan d, ≤ 1 ulp, ±π/2 at ±∞. */
export function sleefAtanf(d: number): number {
  const t = atanPositive(Math.abs(d))
  let r = f(t[0] + t[1])
  if (Math.abs(d) === Infinity) r = f(1.570796326794896557998982)
  return mulsign(r, d)
}

/** xtanf_u1: d − qπ/2 in double-float (Payne–Hanek when `wide`); tan, or −1/tan for odd q. */
export function sleefTanf(d: number, wide = !inFastRange(d)): number {
  let q: number
  let s: df.DF
  if (!wide) {
    const u = rintFloat(f(d * TWO_OVER_PI))
    q = rintToInt(u)
    const v = fmaf(u, f(-PI_A2 * 0.5), d)
    s = df.add2FF(v, f(u * f(-PI_B2 * 0.5)))
    s = df.addDF(s, f(u * f(-PI_C2 * 0.5)))
  } else {
    ;[s, q] = rempif(d)
    if (!Number.isFinite(d)) s = [NaN, NaN]
  }
  const odd = (q & 1) === 1
  if (odd) s = df.neg(s)
  const t = s
  s = df.normalize(df.squ(s))
  let u = f(0.00446636462584137916564941)
  u = fmaf(u, s[0], f(-8.3920182078145444393158e-5))
  u = fmaf(u, s[0], f(0.0109639242291450500488281))
  u = fmaf(u, s[0], f(0.0212360303848981857299805))
  u = fmaf(u, s[0], f(0.0540687143802642822265625))
  let x = df.addFF(f(0.133325666189193725585938), f(u * s[0]))
  x = df.addFD(1, df.mulDD(df.addFD(f(0.33333361148834228515625), df.mulDD(s, x)), s))
  x = df.mulDD(t, x)
  if (odd) x = df.rec(x)
  return Object.is(d, -0) ? d : f(x[0] + x[1])
}

/** The asin/acos polynomial in x² and the reduced argument: for |d| < ½ d itself, else √((1 − |d|)/2). */
function asinCore(d: number): { small: boolean; x: df.DF; u: number } {
  const a = Math.abs(d)
  const small = a < 0.5
  const x2 = small ? f(d * d) : f(f(1 - a) * 0.5)
  let x: df.DF = small ? [a, 0] : df.sqrtF(x2)
  if (a === 1) x = [0, 0]
  let u = f(0.4197454825e-1)
  u = fmaf(u, x2, f(0.2424046025e-1))
  u = fmaf(u, x2, f(0.4547423869e-1))
  u = fmaf(u, x2, f(0.7495029271e-1))
  u = fmaf(u, x2, f(0.1666677296))
  return { small, x, u: f(u * f(x2 * x[0])) }
}

const PI_DF: df.DF = [f(3.1415927410125732422), f(-8.7422776573475857731e-8)]

/** xasinf_u1: asin d, ≤ 1 ulp; π/2 − 2·asin √((1 − |d|)/2) for |d| ≥ ½. */
export function sleefAsinf(d: number): number {
  const { small, x, u } = asinCore(d)
  const y = df.subDF(df.subDD([PI_DF[0] / 4, PI_DF[1] / 4], x), u)
  const r = small ? f(u + x[0]) : f(f(y[0] + y[1]) * 2)
  return mulsign(r, d)
}

/** xacosf_u1: acos d, ≤ 1 ulp. */
export function sleefAcosf(d: number): number {
  const { small, x, u } = asinCore(d)
  let y = df.subDD([PI_DF[0] / 2, PI_DF[1] / 2], df.addFF(mulsign(x[0], d), mulsign(u, d)))
  if (!small) y = df.scale(df.addDF(x, u), 2)
  if (!small && d < 0) y = df.subDD(PI_DF, y)
  return f(y[0] + y[1])
}
