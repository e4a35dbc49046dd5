import { describe, expect, it } from 'vitest'
import { fmaf, fromBits, ldexp2, rintFloat, rintToInt, toBits } from './float32-arith'

const f = Math.fround

/** A seeded uniform [0, 1) generator (mulberry32), so a failure can be replayed. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A float32 as m·2^e with integer m (exact), from its bits. */
function exact(x: number): [bigint, number] {
  const bits = toBits(x)
  const biased = (bits >>> 23) & 0xff
  const mantissa = BigInt((bits & 0x7fffff) | (biased === 0 ? 0 : 0x800000))
  return [bits < 0 ? -mantissa : mantissa, (biased === 0 ? 1 : biased) - 150]
}

/** a·b + c rounded once to float32 (ties to even), by integer arithmetic: the reference for fmaf. */
function referenceFma(a: number, b: number, c: number): number {
  if (![a, b, c].every(Number.isFinite)) return a * b + c
  const [ma, ea] = exact(a)
  const [mb, eb] = exact(b)
  const [mc, ec] = exact(c)
  const e = Math.min(ea + eb, ec)
  const sum = ((ma * mb) << BigInt(ea + eb - e)) + (mc << BigInt(ec - e))
  if (sum === 0n) return a * b + c
  const negative = sum < 0n
  let m = negative ? -sum : sum
  let exponent = e
  // keep 24 significant bits, or fewer where the result is subnormal (exponent floor −149)
  const length = m.toString(2).length
  const drop = Math.max(length - 24, -149 - exponent)
  if (drop > 0) {
    const half = 1n << BigInt(drop - 1)
    const rest = m & ((1n << BigInt(drop)) - 1n)
    m >>= BigInt(drop)
    if (rest > half || (rest === half && (m & 1n) === 1n)) m += 1n
    exponent += drop
  }
  const value = Number(m) * 2 ** exponent
  return f(negative ? -value : value)
}

describe('fmaf', () => {
  it('rounds once where a·b + c rounded to double lands exactly on a float32 midpoint', () => {
    const a = 1 + 2 ** -23
    const b = 2 ** -24 * (1 - 2 ** -23)
    const c = 1 + 3 * 2 ** -23
    expect(f(a * b + c)).toBe(c + 2 ** -23) // double rounding goes up …
    expect(fmaf(a, b, c)).toBe(c) // … the exact sum is below the midpoint
    expect(fmaf(a, b, c)).toBe(referenceFma(a, b, c))
  })

  it('agrees with exact integer arithmetic on 20000 random triples, midpoints and subnormals among them', () => {
    const random = mulberry32(7)
    const float = (scale: number) => f((random() - 0.5) * scale)
    const wrong: number[][] = []
    for (let i = 0; i < 20000; i++) {
      const a = i % 3 === 0 ? fromBits((random() * 2 ** 32) | 0) : float(4)
      const b = i % 5 === 0 ? f(2 ** -140 * random()) : float(4)
      // c near −a·b makes the cancellation and midpoint cases common
      const c = i % 2 === 0 ? f(-(a * b) * (1 + (random() - 0.5) * 2 ** -20)) : float(8)
      const want = referenceFma(a, b, c)
      const got = fmaf(a, b, c)
      if (!Object.is(got, want) && !(Number.isNaN(got) && Number.isNaN(want))) wrong.push([a, b, c])
    }
    expect(wrong.slice(0, 3)).toEqual([])
  })

  it('agrees with it on 4000 triples built so that the double sum sits exactly on a midpoint', () => {
    // a·b = 2^-24·(1 + m·2^-23)(1 − m·2^-23) = 2^-24 − m²·2^-70: half an ulp of c ∈ [1, 2), less a
    // sliver that the double sum rounds away; scaled by powers of two and signed at random.
    const random = mulberry32(11)
    let naiveWrong = 0
    const wrong: number[][] = []
    for (let i = 0; i < 4000; i++) {
      const m = 1 + Math.floor(random() * 180)
      const scale = 2 ** Math.floor(random() * 40 - 20)
      const sign = random() < 0.5 ? -1 : 1
      const a = f((1 + m * 2 ** -23) * scale)
      const b = f(sign * 2 ** -24 * (1 - m * 2 ** -23) * (random() < 0.5 ? 1 : -1))
      const c = f(sign * (1 + Math.floor(random() * 2 ** 23) * 2 ** -23) * scale)
      const want = referenceFma(a, b, c)
      if (f(a * b + c) !== want) naiveWrong++
      if (fmaf(a, b, c) !== want) wrong.push([a, b, c])
    }
    expect(wrong.slice(0, 3)).toEqual([])
    expect(naiveWrong).toBeGreaterThan(500)
  })
})

describe('the AVX2 conversions', () => {
  it('rounds half to even, as _mm256_round_ps and _mm256_cvtps_epi32 do', () => {
    expect([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4, -2.6].map(rintFloat)).toEqual([
      0, 2, 2, -0, -2, -2, 2, -3,
    ])
    expect(rintToInt(NaN)).toBe(-2147483648)
    expect(rintToInt(3e9)).toBe(-2147483648)
  })

  it('scales by 2^q in two steps, past the exponent range of one power', () => {
    expect(ldexp2(f(1.5), -140)).toBe(f(1.5 * 2 ** -140))
    expect(ldexp2(1, 128)).toBe(Infinity)
  })
})
