/**
 * Float32 arithmetic as one AVX2 lane computes it, for the SLEEF ports (sleef-exp.ts, sleef-trig.ts).
 * JavaScript numbers are doubles: + − × ÷ and √ of float32 values rounded once more with Math.fround give
 * exactly the float32 result (rounding a double result to 24 bits is innocuous, since 53 ≥ 2·24 + 2), but
 * a fused multiply-add is not a basic operation of that kind, so `fmaf` rounds a*b + c once by hand.
 */

const f = Math.fround

/**
 * fmaf(a, b, c) = a·b + c rounded once to float32, as _mm256_fmadd_ps (SLEEF's vmla/vfma on AVX2).
 * a·b is exact in a double (24 + 24 bits); the double sum s = a·b + c is rounded, with exact error e
 * (Knuth's two-sum). fround(s) is then the correctly rounded result unless s falls exactly on the
 * midpoint of two float32 values while e ≠ 0: double rounding cannot cross a midpoint (every float32
 * midpoint is a double), it can only land on one. There the exact sum lies on e's side.
 */
export function fmaf(a: number, b: number, c: number): number {
  const p = a * b
  const s = p + c
  const r = f(s)
  if (r === s) return r
  const bb = s - p
  const e = p - (s - bb) + (c - bb)
  if (e === 0) return r
  // On a midpoint, r + 2(s − r) is the other neighbour, itself a float32; anywhere else it is not.
  const other = r + 2 * (s - r)
  if (f(other) !== other) return r
  return e > 0 === other > r ? other : r
}

const bits = new DataView(new ArrayBuffer(4))

/** The float32 with these 32 bits (C's union pun, SLEEF's vreinterpret_vf_vi2). */
export function fromBits(i: number): number {
  bits.setInt32(0, i)
  return bits.getFloat32(0)
}

/** The 32 bits of a float32 as a signed integer (vreinterpret_vi2_vf). */
export function toBits(x: number): number {
  bits.setFloat32(0, x)
  return bits.getInt32(0)
}

/**
 * _mm256_cvtps_epi32 (SLEEF's vrint_vi2_vf): to the nearest integer, ties to even; NaN and values
 * outside int32 give the "integer indefinite" 0x80000000.
 */
export function rintToInt(x: number): number {
  if (!(Math.abs(x) < 2147483648)) return -2147483648
  return rintFloat(x)
}

/** _mm256_round_ps(x, _MM_FROUND_TO_NEAREST_INT) (vrint_vf_vf): nearest integer, ties to even. */
export function rintFloat(x: number): number {
  const r = Math.round(x)
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r
}

/** 2^q built from its exponent bits, as SLEEF's vpow2i_vf_vi2 (no range check, as there). */
export function pow2i(q: number): number {
  return fromBits(((q + 0x7f) << 23) | 0)
}

/** x·2^q in two steps, so that q may reach twice the exponent range (SLEEF's vldexp2_vf_vf_vi2). */
export function ldexp2(x: number, q: number): number {
  const half = q >> 1
  return f(f(x * pow2i(half)) * pow2i((q - half) | 0))
}

/** x·2^q by adding q to the exponent bits (vldexp3_vf_vf_vi2, for normal x and results). */
export function ldexp3(x: number, q: number): number {
  return fromBits((toBits(x) + (q << 23)) | 0)
}

/** The unbiased exponent field of a normal float32 (vilogb2k_vi2_vf). */
export function ilogb2k(x: number): number {
  return ((toBits(x) >>> 23) & 0xff) - 0x7f
}

/** x with the sign of x·y's sign bit flipped in (vmulsign_vf_vf_vf: x XOR signbit(y)). */
export function mulsign(x: number, y: number): number {
  return fromBits(toBits(x) ^ (toBits(y) & 0x80000000))
}
