import { fma } from './float64-arith'

/**
 * Double-double arithmetic as SLEEF 3.5 does it (src/libm/dd.h in its ENABLE_FMA_DP form, the AVX2
 * build), for the SLEEF double ports (sleef-double.ts, sleef-double-trig.ts): a value is hi + lo, each
 * operation in SLEEF's own order of roundings, with exact fused multiply-adds (float64-arith.ts). And
 * the Estrin polynomials of SLEEF's misc.h (POLY2…POLY16).
 */

/** A double-double hi + lo (SLEEF's vdouble2). */
export type DD = [hi: number, lo: number]

/** POLY2…POLY10 of SLEEF's misc.h: Estrin's scheme, coefficients from the highest degree down. */
export const poly2 = (x: number, c1: number, c0: number): number => fma(x, c1, c0)
export const poly4 = (x: number, x2: number, c: readonly number[]): number =>
  fma(x2, poly2(x, c[0]!, c[1]!), poly2(x, c[2]!, c[3]!))
export const poly8 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly4(x, x2, c.slice(0, 4)), poly4(x, x2, c.slice(4)))
export const poly10 = (
  x: number,
  x2: number,
  x4: number,
  x8: number,
  c: readonly number[],
): number => fma(x8, poly2(x, c[0]!, c[1]!), poly8(x, x2, x4, c.slice(2)))

/** POLY3 and POLY7 of misc.h (Estrin), coefficients from the highest degree down. */
export const poly3 = (x: number, x2: number, c2: number, c1: number, c0: number): number =>
  fma(x2, c2, poly2(x, c1, c0))
export const poly7 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly3(x, x2, c[0]!, c[1]!, c[2]!), poly4(x, x2, c.slice(3)))

/** POLY6 of misc.h (Estrin), coefficients from the highest degree down. */
export const poly6 = (x: number, x2: number, x4: number, c: readonly number[]): number =>
  fma(x4, poly2(x, c[0]!, c[1]!), poly4(x, x2, c.slice(2)))

/** POLY16 of misc.h (Estrin), coefficients from the highest degree down. */
export const poly16 = (
  x: number,
  x2: number,
  x4: number,
  x8: number,
  c: readonly number[],
): number => fma(x8, poly8(x, x2, x4, c.slice(0, 8)), poly8(x, x2, x4, c.slice(8)))

// dd.h's operations (ENABLE_FMA_DP) in SLEEF's order of roundings. ddadd2DD is ddadd2_vd2_vd2_vd,
// ddadd2DDDD ddadd2_vd2_vd2_vd2, ddmulDD ddmul_vd2_vd2_vd, ddmulDDDD ddmul_vd2_vd2_vd2, ddsqu
// ddsqu_vd2_vd2, ddrec ddrec_vd2_vd2, dddiv dddiv_vd2_vd2_vd2; the others name theirs.
export const ddadd2DD = (x: DD, y: number): DD => {
  const s = x[0] + y
  const v = s - x[0]
  return [s, x[0] - (s - v) + (y - v) + x[1]]
}
export const ddadd2DDDD = (x: DD, y: DD): DD => {
  const s = x[0] + y[0]
  const v = s - x[0]
  return [s, x[0] - (s - v) + (y[0] - v) + (x[1] + y[1])]
}
/** ddadd_vd2_vd_vd2 (|x| ≥ |y|). */
export const ddaddDDD = (x: number, y: DD): DD => {
  const s = x + y[0]
  return [s, x - s + y[0] + y[1]]
}
/** ddadd_vd2_vd2_vd2 (|x| ≥ |y|). */
export const ddaddDDDD = (x: DD, y: DD): DD => {
  const s = x[0] + y[0]
  return [s, x[0] - s + y[0] + x[1] + y[1]]
}
export const ddmulDD = (x: DD, y: number): DD => {
  const s = x[0] * y
  return [s, fma(x[1], y, fma(x[0], y, -s))]
}
export const ddmulDDDD = (x: DD, y: DD): DD => {
  const s = x[0] * y[0]
  return [s, fma(x[0], y[1], fma(x[1], y[0], fma(x[0], y[0], -s)))]
}
export const ddsqu = (x: DD): DD => {
  const s = x[0] * x[0]
  return [s, fma(x[0] + x[0], x[1], fma(x[0], x[0], -s))]
}
export const ddrec = (d: DD): DD => {
  const t = 1 / d[0]
  return [t, t * fma(-d[1], t, fma(-d[0], t, 1))]
}
export const dddiv = (n: DD, d: DD): DD => {
  const t = 1 / d[0]
  const q = n[0] * t
  const u = fma(t, n[0], -q)
  const v = fma(-d[1], t, fma(-d[0], t, 1))
  return [q, fma(q, v, fma(n[1], t, u))]
}

/** ddadd_vd2_vd_vd (|x| ≥ |y|). */
export const ddaddFF = (x: number, y: number): DD => {
  const s = x + y
  return [s, x - s + y]
}
/** ddadd2_vd2_vd_vd. */
export const ddadd2FF = (x: number, y: number): DD => {
  const s = x + y
  const v = s - x
  return [s, x - (s - v) + (y - v)]
}
/** ddadd_vd2_vd2_vd (|x| ≥ |y|). */
export const ddaddDF = (x: DD, y: number): DD => {
  const s = x[0] + y
  return [s, x[0] - s + y + x[1]]
}
/** ddmul_vd_vd2_vd2: the product rounded to one double. */
export const ddmulToDouble = (x: DD, y: DD): number => fma(x[0], y[0], fma(x[1], y[0], x[0] * y[1]))

/** ddadd2_vd2_vd_vd2. */
export function ddadd2FDD(x: number, y: DD): DD {
  const s = x + y[0]
  const v = s - x
  return [s, x - (s - v) + (y[0] - v) + y[1]]
}
