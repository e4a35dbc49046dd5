/**
 * Double-precision arithmetic as one AVX2 lane computes it, for the SLEEF double ports
 * (sleef-double.ts). + − × ÷ are JavaScript's own (IEEE binary64, round to nearest even); the fused
 * multiply-add of _mm256_fmadd_pd (SLEEF's vmla/vfma, ENABLE_FMA_DP) is not, so `fma` rounds a·b + c once
 * by hand.
 */

/** Veltkamp's splitter 2^27 + 1: x·SPLIT − (x·SPLIT − x) keeps the high 26 bits of x. */
const SPLIT = 134217729
/** The fast path's bounds: products and sums of these stay clear of overflow and of subnormal errors. */
const BIG = 2 ** 450
const TINY = 2 ** -450
const HUGE = 2 ** 1000

/** Dekker's two-product: hi + lo = a·b exactly, for |a|, |b| within [2^-450, 2^450]. */
function twoProduct(a: number, b: number): [hi: number, lo: number] {
  const hi = a * b
  let t = SPLIT * a
  const ah = t - (t - a)
  const al = a - ah
  t = SPLIT * b
  const bh = t - (t - b)
  const bl = b - bh
  return [hi, ah * bh - hi + ah * bl + al * bh + al * bl]
}

/** Knuth's two-sum: s + e = a + b exactly (round to nearest, no overflow). */
function twoSum(a: number, b: number): [s: number, e: number] {
  const s = a + b
  const bb = s - a
  return [s, a - (s - bb) + (b - bb)]
}

const inFastRange = (x: number): boolean => x === 0 || (Math.abs(x) >= TINY && Math.abs(x) <= BIG)

/**
 * fma(a, b, c) = a·b + c rounded once to double. a·b = ph + pl exactly (Dekker), ph + c = sh + sl
 * and sl + pl = vh + vl exactly (two-sums), so a·b + c = sh + vh + vl with |vl| ≤ ulp(vh)/2. Rounding
 * sh + vh once (r, with error e) is then the correctly rounded result of the three unless sh + vh is
 * itself a midpoint between two doubles: any other point of sh + vh's grid is at least ulp(vh) from a
 * midpoint, farther than vl can move it. On a midpoint (r + 2e is the other neighbour) a nonzero vl picks
 * the side. Operands outside the fast path's range, where the products could overflow or lose bits
 * below 2^-1074, take the exact BigInt path.
 */
export function fma(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b) || !Number.isFinite(c)) return a * b + c
  if (!inFastRange(a) || !inFastRange(b) || Math.abs(c) > HUGE) return fmaExact(a, b, c)
  const [ph, pl] = twoProduct(a, b)
  const [sh, sl] = twoSum(ph, c)
  const [vh, vl] = twoSum(sl, pl)
  const [r, e] = twoSum(sh, vh)
  if (vl === 0 || e === 0) return r
  const other = r + 2 * e
  if (other - r !== 2 * e) return r
  return vl > 0 === e > 0 ? other : r
}

const view = new DataView(new ArrayBuffer(8))

/** x = m·2^k with m an integer (sign included) and k ≥ −1074, x finite. */
function decompose(x: number): [m: bigint, k: number] {
  view.setFloat64(0, x)
  const bits = view.getBigUint64(0)
  const exponent = Number((bits >> 52n) & 0x7ffn)
  let m = bits & 0xfffffffffffffn
  if (exponent !== 0) m |= 1n << 52n
  const k = (exponent === 0 ? 1 : exponent) - 1075
  return [bits >> 63n ? -m : m, k]
}

/** The double nearest m·2^k (ties to even), m an integer. */
export function roundToDouble(m: bigint, k: number): number {
  if (m === 0n) return 0
  const negative = m < 0n
  let n = negative ? -m : m
  const length = n.toString(2).length
  const shift = Math.max(length - 53, -1074 - k)
  if (shift > 0) {
    const s = BigInt(shift)
    const q = n >> s
    const rest = n - (q << s)
    const half = 1n << (s - 1n)
    n = rest > half || (rest === half && (q & 1n) === 1n) ? q + 1n : q
    k += shift
  }
  // n < 2^54 and k ≥ −1074: the product is exact unless it overflows, where ±∞ is the rounded result.
  let value = Number(n)
  while (k > 1000) {
    value *= 2 ** 1000
    k -= 1000
  }
  value *= 2 ** k
  return negative ? -value : value
}

/** fma by exact integer arithmetic: a·b + c = (ma·mb·2^(ka+kb−k) + mc·2^(kc−k))·2^k, rounded once. */
export function fmaExact(a: number, b: number, c: number): number {
  const [ma, ka] = decompose(a)
  const [mb, kb] = decompose(b)
  const [mc, kc] = decompose(c)
  const kp = ka + kb
  const k = Math.min(kp, kc)
  const sum = ((ma * mb) << BigInt(kp - k)) + (mc << BigInt(kc - k))
  if (sum === 0n) return (a === 0 || b === 0) && c === 0 ? a * b + c : 0
  return roundToDouble(sum, k)
}

const bits = new DataView(new ArrayBuffer(8))

/** _mm256_round_pd(x, _MM_FROUND_TO_NEAREST_INT) (SLEEF's vrint_vd_vd): nearest integer, ties to even. */
export function rint(x: number): number {
  const r = Math.round(x)
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r
}

/**
 * _mm256_cvtpd_epi32 (vrint_vi_vd): to the nearest int32, ties to even; NaN and values outside int32
 * give the "integer indefinite" 0x80000000.
 */
export function rintToInt(x: number): number {
  if (!(Math.abs(x) < 2147483648)) return -2147483648
  return rint(x) | 0
}

/**
 * 2^q built from exponent bits as vpow2i_vd_vi: (q + 0x3ff) << 20 in a 32-bit lane becomes the high word
 * (no range check, as there).
 */
export function pow2i(q: number): number {
  bits.setInt32(0, ((q + 0x3ff) << 20) | 0)
  bits.setInt32(4, 0)
  return bits.getFloat64(0)
}

/** x·2^q in two steps, so that q may reach twice the exponent range (vldexp2_vd_vd_vi). */
export function ldexp2(x: number, q: number): number {
  const half = q >> 1
  return x * pow2i(half) * pow2i((q - half) | 0)
}

/** x with y's sign bit XORed in (vmulsign_vd_vd_vd). */
export function mulsign(x: number, y: number): number {
  return y < 0 || Object.is(y, -0) ? -x : x
}
