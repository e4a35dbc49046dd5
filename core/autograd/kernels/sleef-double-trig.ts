import { fma, mulsign, rint, rintToInt } from './float64-arith'
import {
  type DD,
  dddiv,
  ddadd2DD,
  ddadd2FF,
  ddaddDDD,
  ddaddDDDD,
  ddaddDF,
  ddaddFF,
  ddmulDD,
  ddmulDDDD,
  ddmulToDouble,
  ddsqu,
  poly6,
  poly8,
  poly16,
} from './float64-dd'

/**
 * SLEEF 3.5's double-precision trigonometric functions (src/libm/sleefsimddp.c), one lane of the AVX2
 * build PyTorch 1.13's Vectorized<double> calls (vec256_double.h): sin → Sleef_sind4_u10 (xsin_u1),
 * cos → Sleef_cosd4_u10 (xcos_u1), tan → Sleef_tand4_u10 (xtan_u1), atan → Sleef_atand4_u10
 * (xatan_u1), step by step in doubles and double-doubles (float64-dd.ts) with exact fused
 * multiply-adds, so the results are SLEEF's to the bit.
 */

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
