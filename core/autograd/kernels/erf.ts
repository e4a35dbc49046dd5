/**
 * erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, which JavaScript lacks. PyTorch's CPU kernel calls the C library's
 * erf, and glibc's double erf is Sun's fdlibm s_erf.c; this follows the same method (and its published
 * minimax coefficients) so our values match PyTorch's to the last bit or two:
 *
 * - |x| < 0.84375: erf x = x + x·R(x²), R a rational minimax fit of (erf x − x)/x;
 * - 0.84375 ≤ |x| < 1.25: erf x = erx + P(s)/Q(s) with s = |x| − 1 and erx = erf(1) rounded to 32 bits;
 * - 1.25 ≤ |x| < 6: erf x = 1 − e^(−x² − 0.5625 + R(1/x²)/S(1/x²))/|x|, with two fits either side of
 *   1/0.35; x² is split as z² + (z − x)(z + x), z being x with its low 32 bits cleared, so that e^(−z²)
 *   is exact enough;
 * - |x| ≥ 6: erf x rounds to ±1.
 */

// fdlibm tests the high word against 0x4006DB6E: |x| below this double, just above 1/0.35.
const ONE_OVER_0_35 = 2.8571434020996094
// 2⁻¹⁰¹⁵ (high word 0x00800000): below it x + efx·x would lose bits to underflow.
const TINY = 2.848094538889218e-306
const EFX8 = 1.02703333676410069053
const ERX = 8.45062911510467529297e-1
const EFX = 1.28379167095512586316e-1

// The denominators' constant term 1 is their first coefficient.
// erf x ≈ x + x·(pp0 + z·pp1 + …)/(1 + z·qq1 + …), z = x², on [0, 0.84375]
const PP = [
  1.28379167095512558561e-1, -3.2504210724700149937e-1, -2.84817495755985104766e-2,
  -5.77027029648944159157e-3, -2.37630166566501626084e-5,
] as const
const QQ = [
  1, 3.97917223959155352819e-1, 6.50222499887672944485e-2, 5.08130628187576562776e-3,
  1.32494738004321644526e-4, -3.9602282787753681232e-6,
] as const
// erf(1 + s) − erx ≈ P(s)/Q(s) on [0.84375, 1.25]
const PA = [
  -2.36211856075265944077e-3, 4.14856118683748331666e-1, -3.72207876035701323847e-1,
  3.18346619901161753674e-1, -1.10894694282396677476e-1, 3.54783043256182359371e-2,
  -2.166375594868790843e-3,
] as const
const QA = [
  1, 1.06420880400844228286e-1, 5.40397917702171048937e-1, 7.18286544141962662868e-2,
  1.26171219808761642112e-1, 1.36370839120290507362e-2, 1.1984499846799107417e-2,
] as const
// the tail exponent's correction R/S in s = 1/x², on [1.25, 1/0.35]
const RA = [
  -9.86494403484714822705e-3, -6.93858572707181764372e-1, -1.05586262253232909814e1,
  -6.23753324503260060396e1, -1.62396669462573470355e2, -1.84605092906711035994e2,
  -8.12874355063065934246e1, -9.81432934416914548592,
] as const
const SA = [
  1, 1.96512716674392571292e1, 1.376577541435190426e2, 4.34565877475229228821e2,
  6.45387271733267880336e2, 4.29008140027567833386e2, 1.08635005541779435134e2,
  6.57024977031928170135, -6.04244152148580987438e-2,
] as const
// … and on [1/0.35, 6]
const RB = [
  -9.86494292470009928597e-3, -7.99283237680523006574e-1, -1.77579549177547519889e1,
  -1.60636384855821916062e2, -6.37566443368389627722e2, -1.02509513161107724954e3,
  -4.83519191608651397019e2,
] as const
const SB = [
  1, 3.03380607434824582924e1, 3.25792512996573918826e2, 1.53672958608443695994e3,
  3.19985821950859553908e3, 2.55305040643316442583e3, 4.74528541206955367215e2,
  -2.24409524465858183362e1,
] as const

/**
 * c₀ + c₁z + c₂z² + … evaluated as glibc does, in pairs (c₀ + c₁z) + z²(c₂ + c₃z) + z⁴(…) + …, with
 * z⁴ = z²·z², z⁶ = z⁴·z², z⁸ = z⁴·z⁴ and the terms added left to right; the same order gives the same
 * rounding, so the same last bit.
 */
function polynomial(coefficients: readonly number[], z: number): number {
  const z2 = z * z
  const z4 = z2 * z2
  let sum = 0
  for (let k = 0; 2 * k < coefficients.length; k++) {
    const low = coefficients[2 * k]!
    const high = coefficients[2 * k + 1]
    const pair = high === undefined ? low : low + z * high
    const power = k === 1 ? z2 : k === 2 ? z4 : k === 3 ? z4 * z2 : z4 * z4
    sum = k === 0 ? pair : sum + power * pair
  }
  return sum
}

const bits = new Float64Array(1)
const words = new Uint32Array(bits.buffer)
// The low 32 bits of a double are word 0 on a little-endian machine, word 1 on a big-endian one.
const LOW_WORD = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f ? 0 : 1

/** x with the low 32 bits of its significand cleared, so that its square is exact. */
function highPart(x: number): number {
  bits[0] = x
  words[LOW_WORD] = 0
  return bits[0]
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN
  const ax = Math.abs(x)
  if (ax < 0.84375) {
    // Below 2⁻²⁸ the series is x·(1 + 2/√π − 1) to the last bit.
    if (ax < 3.725290298461914e-9) return ax < TINY ? 0.125 * (8 * x + EFX8 * x) : x + EFX * x
    const z = x * x
    return x + x * (polynomial(PP, z) / polynomial(QQ, z))
  }
  if (ax < 1.25) {
    const s = ax - 1
    const ratio = polynomial(PA, s) / polynomial(QA, s)
    return x >= 0 ? ERX + ratio : -ERX - ratio
  }
  if (ax >= 6) return x >= 0 ? 1 : -1
  const s = 1 / (ax * ax)
  const correction =
    ax < ONE_OVER_0_35
      ? polynomial(RA, s) / polynomial(SA, s)
      : polynomial(RB, s) / polynomial(SB, s)
  const z = highPart(ax)
  const r = Math.exp(-z * z - 0.5625) * Math.exp((z - ax) * (z + ax) + correction)
  return x >= 0 ? 1 - r / ax : r / ax - 1
}
