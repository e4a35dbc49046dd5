import { fmaf } from './float32-arith'

/**
 * SLEEF's "double-float" arithmetic (src/libm/df.h, the ENABLE_FMA_SP variant the AVX2 build uses): a
 * value carried as an unevaluated sum hi + lo of two float32, every step rounded to float32 in the
 * order df.h writes it. Names follow df.h: `addFF` is dfadd_vf2_vf_vf, `add2DF` dfadd2_vf2_vf2_vf,
 * `mulDD` dfmul_vf2_vf2_vf2 and so on (F a float, D a double-float).
 */
export type DF = readonly [number, number]

const f = Math.fround

export const neg = (x: DF): DF => [-x[0], -x[1]]

export function normalize(t: DF): DF {
  const x = f(t[0] + t[1])
  return [x, f(f(t[0] - x) + t[1])]
}

export const scale = (d: DF, s: number): DF => [f(d[0] * s), f(d[1] * s)]

/** dfadd_vf2_vf_vf, for |x| ≥ |y|. */
export function addFF(x: number, y: number): DF {
  const r = f(x + y)
  return [r, f(f(x - r) + y)]
}

/** dfadd2_vf2_vf_vf: the exact two-sum, any order of magnitude. */
export function add2FF(x: number, y: number): DF {
  const r = f(x + y)
  const v = f(r - x)
  return [r, f(f(x - f(r - v)) + f(y - v))]
}

/** dfadd_vf2_vf2_vf */
export function addDF(x: DF, y: number): DF {
  const r = f(x[0] + y)
  return [r, f(f(f(x[0] - r) + y) + x[1])]
}

/** dfadd2_vf2_vf2_vf */
export function add2DF(x: DF, y: number): DF {
  const r = f(x[0] + y)
  const v = f(r - x[0])
  return [r, f(f(f(x[0] - f(r - v)) + f(y - v)) + x[1])]
}

/** dfadd_vf2_vf_vf2 */
export function addFD(x: number, y: DF): DF {
  const r = f(x + y[0])
  return [r, f(f(f(x - r) + y[0]) + y[1])]
}

/** dfadd2_vf2_vf_vf2 */
export function add2FD(x: number, y: DF): DF {
  const r = f(x + y[0])
  const v = f(r - x)
  return [r, f(f(f(x - f(r - v)) + f(y[0] - v)) + y[1])]
}

/** dfadd_vf2_vf2_vf2, for |x| ≥ |y|. */
export function addDD(x: DF, y: DF): DF {
  const r = f(x[0] + y[0])
  return [r, f(f(f(f(x[0] - r) + y[0]) + x[1]) + y[1])]
}

/** dfadd2_vf2_vf2_vf2 */
export function add2DD(x: DF, y: DF): DF {
  const r = f(x[0] + y[0])
  const v = f(r - x[0])
  const lo = f(f(x[0] - f(r - v)) + f(y[0] - v))
  return [r, f(lo + f(x[1] + y[1]))]
}

/** dfsub_vf2_vf2_vf, for |x| ≥ |y|. */
export function subDF(x: DF, y: number): DF {
  const r = f(x[0] - y)
  return [r, f(f(f(x[0] - r) - y) + x[1])]
}

/** dfsub_vf2_vf2_vf2, for |x| ≥ |y|. */
export function subDD(x: DF, y: DF): DF {
  const r = f(x[0] - y[0])
  return [r, f(f(f(f(x[0] - r) - y[0]) + x[1]) - y[1])]
}

/** dfmul_vf2_vf_vf: the exact product, its low half by FMA. */
export function mulFF(x: number, y: number): DF {
  const r = f(x * y)
  return [r, fmaf(x, y, -r)]
}

/** dfmul_vf2_vf2_vf */
export function mulDF(x: DF, y: number): DF {
  const r = f(x[0] * y)
  return [r, fmaf(x[1], y, fmaf(x[0], y, -r))]
}

/** dfmul_vf2_vf2_vf2 */
export function mulDD(x: DF, y: DF): DF {
  const r = f(x[0] * y[0])
  return [r, fmaf(x[0], y[1], fmaf(x[1], y[0], fmaf(x[0], y[0], -r)))]
}

/** dfmul_vf_vf2_vf2: the product of two double-floats, as one float. */
export function mulDDtoF(x: DF, y: DF): number {
  return fmaf(x[0], y[0], fmaf(x[1], y[0], f(x[0] * y[1])))
}

/** dfsqu_vf2_vf2 */
export function squ(x: DF): DF {
  const r = f(x[0] * x[0])
  return [r, fmaf(f(x[0] + x[0]), x[1], fmaf(x[0], x[0], -r))]
}

/** dfdiv_vf2_vf2_vf2 */
export function div(n: DF, d: DF): DF {
  const t = f(1 / d[0])
  const q = f(n[0] * t)
  const u = fmaf(t, n[0], -q)
  const lo = fmaf(-d[1], t, fmaf(-d[0], t, 1))
  return [q, fmaf(q, lo, fmaf(n[1], t, u))]
}

/** dfrec_vf2_vf */
export function recF(d: number): DF {
  const q = f(1 / d)
  return [q, f(q * fmaf(-d, q, 1))]
}

/** dfsqrt_vf2_vf: √d refined by one Newton step in double-float. */
export function sqrtF(d: number): DF {
  const t = f(Math.sqrt(d))
  return scale(mulDD(add2FD(d, mulFF(t, t)), recF(t)), 0.5)
}

/** dfrec_vf2_vf2 */
export function rec(d: DF): DF {
  const q = f(1 / d[0])
  return [q, f(q * fmaf(-d[1], q, fmaf(-d[0], q, 1)))]
}
