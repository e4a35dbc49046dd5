import { describe, expect, it } from 'vitest'
import { fromBits, toBits } from './float32-arith'
import { float32Kernels } from './float32'
import { glibcCoshf, glibcExpf, glibcExpm1f, glibcLog1pf, glibcSinhf } from './glibc-float'
import * as exp from './sleef-exp'
import * as trig from './sleef-trig'

/**
 * The float32 kernels without PyTorch at hand: every port stays within its published error bound of
 * the true value (SLEEF's u10 functions ≤ 1 ulp, glibc's ≤ 2), and each kernel takes the path PyTorch
 * takes per element. Bit-exactness against PyTorch itself is scripts/notebook/float32-kernels.test.ts.
 */
const f = Math.fround

/** Distance in float32 ulps between a float32 result and a double reference. */
function ulps(got: number, exact: number): number {
  if (Number.isNaN(got) || Number.isNaN(exact))
    return Number.isNaN(got) && Number.isNaN(exact) ? 0 : Infinity
  if (got === exact) return 0
  const near = f(exact)
  const step = Math.abs(fromBits(toBits(near) + 1) - near) || 2 ** -149
  return Math.abs(got - exact) / step
}

function samples(lo: number, hi: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => f(lo + ((hi - lo) * (i + 0.37)) / count))
}

const BOUNDS: [string, (x: number) => number, (x: number) => number, number, number, number][] = [
  ['sleefExpf', exp.sleefExpf, Math.exp, -100, 88, 1],
  ['sleefExpm1f', exp.sleefExpm1f, Math.expm1, -20, 88, 1],
  ['sleefLogf', exp.sleefLogf, Math.log, 1e-30, 1e30, 1],
  ['sleefLog2f', exp.sleefLog2f, Math.log2, 1e-30, 1e30, 1],
  ['sleefLog10f', exp.sleefLog10f, Math.log10, 1e-30, 1e30, 1],
  ['sleefLog1pf', exp.sleefLog1pf, Math.log1p, -0.99, 1e20, 1],
  ['sleefTanhf', exp.sleefTanhf, Math.tanh, -10, 10, 1],
  ['sleefSinhf', exp.sleefSinhf, Math.sinh, -88, 88, 1],
  ['sleefCoshf', exp.sleefCoshf, Math.cosh, -88, 88, 1],
  ['sleefErff', exp.sleefErff, (x) => erfReference(x), -5, 5, 1],
  ['sleefSinf', (x) => trig.sleefSinf(x), Math.sin, -124, 124, 1],
  ['sleefSinf (Payne–Hanek)', (x) => trig.sleefSinf(x, true), Math.sin, -1e6, 1e6, 1],
  ['sleefCosf', (x) => trig.sleefCosf(x), Math.cos, -124, 124, 1],
  ['sleefCosf (Payne–Hanek)', (x) => trig.sleefCosf(x, true), Math.cos, -1e6, 1e6, 1],
  ['sleefTanf', (x) => trig.sleefTanf(x), Math.tan, -124, 124, 1],
  ['sleefAtanf', trig.sleefAtanf, Math.atan, -1e4, 1e4, 1],
  ['sleefAsinf', trig.sleefAsinf, Math.asin, -1, 1, 1],
  ['sleefAcosf', trig.sleefAcosf, Math.acos, -1, 1, 1],
  ['glibcExpf', glibcExpf, Math.exp, -100, 88, 1],
  ['glibcExpm1f', glibcExpm1f, Math.expm1, -20, 88, 2],
  ['glibcLog1pf', glibcLog1pf, Math.log1p, -0.99, 1e20, 2],
  ['glibcSinhf', glibcSinhf, Math.sinh, -88, 88, 2],
  ['glibcCoshf', glibcCoshf, Math.cosh, -88, 88, 2],
]

/** erf by its Maclaurin series (|x| < 3) or the asymptotic complement, in double: a reference only. */
function erfReference(x: number): number {
  const a = Math.abs(x)
  if (a >= 3) {
    // erfc(a) ≈ e^(−a²)/(a√π)·(1 − 1/(2a²) + 3/(4a⁴) − 15/(8a⁶)), far below a float ulp of 1 here
    const t = 1 / (2 * a * a)
    const erfc = (Math.exp(-a * a) / (a * Math.sqrt(Math.PI))) * (1 - t + 3 * t * t - 15 * t ** 3)
    return Math.sign(x) * (1 - erfc)
  }
  let term = a
  let sum = a
  for (let n = 1; n < 80; n++) {
    term *= (-a * a) / n
    sum += term / (2 * n + 1)
  }
  return (Math.sign(x) * 2 * sum) / Math.sqrt(Math.PI)
}

describe('the float32 ports', () => {
  for (const [name, fn, reference, lo, hi, bound] of BOUNDS)
    it(`${name} is within ${bound} ulp of the true value on [${lo}, ${hi}]`, () => {
      const worst = samples(lo, hi, 4000)
        .map((x) => ({ x, error: ulps(fn(x), reference(x)) }))
        .reduce((a, b) => (b.error > a.error ? b : a))
      expect(worst.error).toBeLessThanOrEqual(bound)
    })
})

describe('the path PyTorch takes per element', () => {
  const run = (op: string, values: number[], exponent = 0) => {
    const out = new Float64Array(values.length)
    float32Kernels[op]!(out, Float64Array.from(values, f), Float64Array.of(exponent))
    return Array.from(out)
  }
  const xs = samples(-3, 3, 17)

  it('gives cpu_kernel_vec ops the scalar lambda (glibc) past the last 16-element block only', () => {
    const sinh = run('sinh', xs)
    expect(sinh.slice(0, 16)).toEqual(xs.slice(0, 16).map(exp.sleefSinhf))
    expect(sinh[16]).toBe(glibcSinhf(xs[16]!))
    expect(run('sinh', [xs[3]!])).toEqual([glibcSinhf(xs[3]!)])
  })

  it('gives vec::map ops SLEEF on every element, a 0-dim tensor included', () => {
    expect(run('exp', xs)).toEqual(xs.map(exp.sleefExpf))
    expect(run('exp', [xs[3]!])).toEqual([exp.sleefExpf(xs[3]!)])
  })

  it('reduces a whole 8-lane vector by Payne–Hanek when one of its lanes reaches 125', () => {
    const values = [0.5, 1, 2, 3, 200, 5, 6, 7, 0.5]
    const sin = run('sin', values)
    expect(sin.slice(0, 8)).toEqual(values.slice(0, 8).map((x) => trig.sleefSinf(x, true)))
    expect(sin[8]).toBe(trig.sleefSinf(0.5, false))
  })

  it('casts a scalar operand to float before the op, as the binary kernels do', () => {
    expect(run('mul', [f(0.6126264)], Math.LN2)).toEqual([f(f(0.6126264) * f(Math.LN2))])
  })
})
