import { fromBits, toBits } from './float32-arith'

/**
 * glibc 2.36's float functions, which PyTorch's scalar kernel lambdas reach through std::exp(float),
 * std::sinh(float)… (the tail of cpu_kernel_vec, kernels/float32.ts). expf is the double-based algorithm
 * of sysdeps/ieee754/flt-32/e_expf.c (a 32-entry table of 2^(i/32) and a cubic; ≤ 0.502 ulp, so not
 * always the correctly rounded float); expm1f, log1pf, sinhf and coshf are the SunPro fdlibm float
 * versions (s_expm1f.c, s_log1pf.c, e_sinhf.c, e_coshf.c), computed in float step by step, ≤ 1–2 ulp.
 */

const f = Math.fround

/** 2^(i/32) as the doubles e_exp2f_data.c tabulates (its entries' bits, with the exponent restored). */
const EXP2_TABLE = [
  0x3ff0000000000000n,
  0x3fefd9b0d3158574n,
  0x3fefb5586cf9890fn,
  0x3fef9301d0125b51n,
  0x3fef72b83c7d517bn,
  0x3fef54873168b9aan,
  0x3fef387a6e756238n,
  0x3fef1e9df51fdee1n,
  0x3fef06fe0a31b715n,
  0x3feef1a7373aa9cbn,
  0x3feedea64c123422n,
  0x3feece086061892dn,
  0x3feebfdad5362a27n,
  0x3feeb42b569d4f82n,
  0x3feeab07dd485429n,
  0x3feea47eb03a5585n,
  0x3feea09e667f3bcdn,
  0x3fee9f75e8ec5f74n,
  0x3feea11473eb0187n,
  0x3feea589994cce13n,
  0x3feeace5422aa0dbn,
  0x3feeb737b0cdc5e5n,
  0x3feec49182a3f090n,
  0x3feed503b23e255dn,
  0x3feee89f995ad3adn,
  0x3feeff76f2fb5e47n,
  0x3fef199bdd85529cn,
  0x3fef3720dcef9069n,
  0x3fef5818dcfba487n,
  0x3fef7c97337b9b5fn,
  0x3fefa4afa2a490dan,
  0x3fefd0765b6e4540n,
].map((bits, i) => {
  const view = new DataView(new ArrayBuffer(8))
  view.setBigUint64(0, bits + (BigInt(i) << 47n))
  return view.getFloat64(0)
})
const N = 32
const INV_LN2_N = 1.4426950408889634 * N
const C0 = 0.05550361559341535 / N / N / N // 0x1.c6af84b912394p-5
const C1 = 0.2402284522445722 / N / N // 0x1.ebfce50fac4f3p-3
const C2 = 0.6931471806916203 / N // 0x1.62e42ff0c52d6p-1
const SHIFT = 6755399441055744 // 0x1.8p52: adding it rounds a double to an integer, ties to even

/** __expf (e_expf.c). */
export function glibcExpf(x: number): number {
  if (Number.isNaN(x)) return x
  if (x > 88.72283172607422) return Infinity // 0x1.62e42ep6f
  if (x < -103.972076416015625) return 0 // -0x1.9fe368p6f
  const z = INV_LN2_N * x
  const kd = z + SHIFT - SHIFT
  const r = z - kd
  const i = ((kd % N) + N) % N
  const s = EXP2_TABLE[i]! * 2 ** ((kd - i) / N)
  const y = (C0 * r + C1) * (r * r) + (C2 * r + 1)
  return f(y * s)
}

const LN2_HI = f(6.9313812256e-1)
const LN2_LO = f(9.0580006145e-6)
const INV_LN2 = f(1.4426950216)
const Q = [
  -3.3333335072e-2, 1.5873016091e-3, -7.936507609e-5, 4.0082177293e-6, -2.0109921195e-7,
].map(f)

/** __expm1f (s_expm1f.c): eˣ − 1 by reduction to |r| ≤ ln2/2 and a rational approximation. */
export function glibcExpm1f(x: number): number {
  const bits = toBits(x)
  const negative = bits < 0
  const hx = bits & 0x7fffffff
  if (hx >= 0x4195b844) {
    if (hx >= 0x42b17218) {
      if (hx > 0x7f800000) return x
      if (hx === 0x7f800000) return negative ? -1 : x
      if (x > f(88.721679688)) return Infinity
    }
    if (negative) return -1
  }
  let k = 0
  let c = 0
  if (hx > 0x3eb17218) {
    let hi: number
    let lo: number
    if (hx < 0x3f851592) {
      hi = negative ? f(x + LN2_HI) : f(x - LN2_HI)
      lo = negative ? -LN2_LO : LN2_LO
      k = negative ? -1 : 1
    } else {
      k = Math.trunc(f(f(INV_LN2 * x) + (negative ? -0.5 : 0.5)))
      const t = f(k)
      hi = f(x - f(t * LN2_HI))
      lo = f(t * LN2_LO)
    }
    x = f(hi - lo)
    c = f(f(hi - x) - lo)
  } else if (hx < 0x33000000) {
    return x
  }
  const hfx = f(0.5 * x)
  const hxs = f(x * hfx)
  let r1 = f(hxs * Q[4]!)
  for (let j = 3; j >= 0; j--) r1 = f(hxs * f(Q[j]! + r1))
  r1 = f(1 + r1)
  let t = f(3 - f(r1 * hfx))
  let e = f(hxs * f(f(r1 - t) / f(6 - f(x * t))))
  if (k === 0) return f(x - f(f(x * e) - hxs))
  e = f(f(x * f(e - c)) - c)
  e = f(e - hxs)
  if (k === -1) return f(f(0.5 * f(x - e)) - 0.5)
  if (k === 1) return x < -0.25 ? f(-2 * f(e - f(x + 0.5))) : f(1 + f(2 * f(x - e)))
  const scale = (y: number) => fromBits((toBits(y) + (k << 23)) | 0)
  if (k <= -2 || k > 56) return f(scale(f(1 - f(e - x))) - 1)
  if (k < 23) {
    t = fromBits(0x3f800000 - (0x1000000 >> k))
    return scale(f(t - f(e - x)))
  }
  t = fromBits((0x7f - k) << 23)
  return scale(f(f(x - f(e + t)) + 1))
}

/** __ieee754_sinhf (e_sinhf.c). */
export function glibcSinhf(x: number): number {
  const bits = toBits(x)
  const ix = bits & 0x7fffffff
  if (ix >= 0x7f800000) return f(x + x)
  const h = bits < 0 ? -0.5 : 0.5
  const ax = Math.abs(x)
  if (ix < 0x41b00000) {
    if (ix < 0x31800000) return x
    const t = glibcExpm1f(ax)
    if (ix < 0x3f800000) return f(h * f(f(2 * t) - f(f(t * t) / f(t + 1))))
    return f(h * f(t + f(t / f(t + 1))))
  }
  if (ix < 0x42b17180) return f(h * glibcExpf(ax))
  if (ix <= 0x42b2d4fc) {
    const w = glibcExpf(f(0.5 * ax))
    return f(f(h * w) * w)
  }
  return f(x * 1e37)
}

/** __ieee754_coshf (e_coshf.c). */
export function glibcCoshf(x: number): number {
  const ix = toBits(x) & 0x7fffffff
  const ax = Math.abs(x)
  if (ix < 0x41b00000) {
    if (ix < 0x3eb17218) {
      const t = glibcExpm1f(ax)
      const w = f(1 + t)
      if (ix < 0x24000000) return w
      return f(1 + f(f(t * t) / f(w + w)))
    }
    const t = glibcExpf(ax)
    return f(f(0.5 * t) + f(0.5 / t))
  }
  if (ix < 0x42b17180) return f(0.5 * glibcExpf(ax))
  if (ix <= 0x42b2d4fc) {
    const w = glibcExpf(f(0.5 * ax))
    return f(f(0.5 * w) * w)
  }
  if (ix >= 0x7f800000) return f(x * x)
  return Infinity
}

const LP = [
  6.6666668653e-1, 4.0000000596e-1, 2.8571429849e-1, 2.2222198546e-1, 1.818357259e-1,
  1.5313838422e-1, 1.479819864e-1,
].map(f)
const TWO_THIRDS = f(0.6666666666666666) // (float)0.66666666666666666

/** __log1pf (s_log1pf.c): ln(1 + x) as k·ln2 + log1p(f) with f reduced to [√2/2 − 1, √2 − 1]. */
export function glibcLog1pf(x: number): number {
  const hx = toBits(x)
  const ax = hx & 0x7fffffff
  let k = 1
  let fr = 0
  let hu = 0
  let c = 0
  if (hx < 0x3ed413d7) {
    if (ax >= 0x3f800000) return x === -1 ? -Infinity : NaN
    if (ax < 0x31000000) return ax < 0x24800000 ? x : f(x - f(f(x * x) * 0.5))
    if (hx > 0 || hx <= (0xbe95f61f | 0)) {
      k = 0
      fr = x
      hu = 1
    }
  }
  if (hx >= 0x7f800000) return f(x + x)
  if (k !== 0) {
    let u: number
    if (hx < 0x5a000000) {
      u = f(1 + x)
      hu = toBits(u)
      k = (hu >> 23) - 127
      c = k > 0 ? f(1 - f(u - x)) : f(x - f(u - 1))
      c = f(c / u)
    } else {
      u = x
      hu = toBits(u)
      k = (hu >> 23) - 127
      c = 0
    }
    hu &= 0x007fffff
    if (hu < 0x3504f7) {
      u = fromBits(hu | 0x3f800000)
    } else {
      k += 1
      u = fromBits(hu | 0x3f000000)
      hu = (0x00800000 - hu) >> 2
    }
    fr = f(u - 1)
  }
  const hfsq = f(f(0.5 * fr) * fr)
  const kf = f(k)
  if (hu === 0) {
    if (fr === 0) return k === 0 ? 0 : f(f(kf * LN2_HI) + f(c + f(kf * LN2_LO)))
    const r = f(hfsq * f(1 - f(TWO_THIRDS * fr)))
    if (k === 0) return f(fr - r)
    return f(f(kf * LN2_HI) - f(f(r - f(f(kf * LN2_LO) + c)) - fr))
  }
  const s = f(fr / f(2 + fr))
  const z = f(s * s)
  let r = f(z * LP[6]!)
  for (let j = 5; j >= 0; j--) r = f(z * f(LP[j]! + r))
  if (k === 0) return f(fr - f(hfsq - f(s * f(hfsq + r))))
  return f(f(kf * LN2_HI) - f(f(hfsq - f(f(s * f(hfsq + r)) + f(f(kf * LN2_LO) + c))) - fr))
}
