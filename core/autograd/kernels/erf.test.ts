import { describe, expect, it } from 'vitest'
import { erf } from './erf'

/**
 * torch.erf (PyTorch 1.13, float64, CPU: the C library's erf, glibc's fdlibm-derived s_erf.c) at points
 * across every interval of the method, the interval boundaries included.
 */
const TORCH_ERF: readonly (readonly [number, number])[] = [
  [1e-300, 1.1283791670955126e-300],
  [-3e-9, -3.3851375012865378e-9],
  [3.7e-9, 4.1750029182533965e-9],
  [1e-5, 1.1283791670579e-5],
  [0.1, 0.1124629160182849],
  [-0.25, -0.27632639016823696],
  [0.5, 0.5204998778130465],
  [0.8, 0.7421009647076605],
  [0.84375, 0.7672256612323417],
  [-0.84375, -0.7672256612323417],
  [0.9, 0.7969082124228322],
  [1, 0.8427007929497149],
  [-1.1, -0.8802050695740817],
  [1.2, 0.9103139782296354],
  [1.25, 0.9229001282564583],
  [1.3, 0.9340079449406524],
  [1.5, 0.9661051464753108],
  [-1.75, -0.9866716712191824],
  [2, 0.9953222650189527],
  [2.5, 0.999593047982555],
  [2.8, 0.9999249868053346],
  [2.857142857142857, 0.9999466876886117],
  [2.8571434020996094, 0.9999466878638202],
  [2.86, 0.9999475988269556],
  [3, 0.9999779095030014],
  [-3.3, -0.9999969422902035],
  [4, 0.9999999845827421],
  [4.5, 0.9999999998033839],
  [5, 0.9999999999984626],
  [5.5, 0.9999999999999927],
  [5.9, 0.9999999999999999],
  [5.999, 1.0],
  [6, 1.0],
  [7, 1.0],
  [-0.6, -0.6038560908479259],
  [0.333, 0.36231150169779874],
  [1.6492963201617794, 0.9803233492879871],
  [-2.2, -0.9981371537020182],
]

const bits = new Float64Array(1)
const ordinals = new BigInt64Array(bits.buffer)

/** How many doubles apart two finite values of the same sign are. */
function ulpsApart(a: number, b: number): number {
  bits[0] = a
  const first = ordinals[0]!
  bits[0] = b
  const distance = first - ordinals[0]!
  return Number(distance < 0n ? -distance : distance)
}

describe('erf', () => {
  it.each(TORCH_ERF)('erf(%s) is within 1 ulp of PyTorch', (x, expected) => {
    expect(ulpsApart(erf(x), expected)).toBeLessThanOrEqual(1)
  })

  // Where they differ it is in the tail, through e^(−x²): V8's Math.exp and glibc's exp round apart.
  it('matches PyTorch to the last bit at most of these points', () => {
    const exact = TORCH_ERF.filter(([x, expected]) => Object.is(erf(x), expected))
    expect(exact.length).toBeGreaterThanOrEqual(0.8 * TORCH_ERF.length)
  })

  it('is odd, keeps −0, and saturates at ±1', () => {
    for (const [x] of TORCH_ERF) expect(erf(-x)).toBe(-erf(x))
    expect(Object.is(erf(-0), -0)).toBe(true)
    expect(erf(Infinity)).toBe(1)
    expect(erf(-Infinity)).toBe(-1)
    expect(erf(30)).toBe(1)
    expect(erf(NaN)).toBeNaN()
  })
})
