import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { float64BackwardKernels, float64Kernels } from '../../core/autograd/kernels/float64'
import { fma, fmaExact, roundToDouble } from '../../core/autograd/kernels/float64-arith'
import { mulberry32 } from './generate-cells'
import { oracleMissing, PYTHON } from './compare'

/**
 * Our float64 kernels (core/autograd/kernels/float64.ts) against PyTorch 1.13's, bit for bit, on a few
 * thousand float64 inputs per op: random ones at several scales, random bit patterns (subnormals, huge
 * values, NaN), and the edges of each algorithm's cut-offs. Every input runs three ways, as in
 * float32-kernels.test.ts (kernel-oracle.py): in one tensor, as 0-dim tensors, in tensors of 17.
 */
const missing = oracleMissing()
/**
 * Each op as the engine names it, with its inputs: sin, cos and tan only below 1e14, where SLEEF's
 * Cody–Waite reductions hold (beyond, Payne–Hanek is not ported and the kernel keeps Math's values). A
 * node name is a fused backward kernel, run with the incoming gradient x reversed, as the oracle does.
 */
const OPS: Record<string, 'all' | 'trig'> = {
  exp: 'all',
  tanh: 'all',
  sin: 'trig',
  cos: 'trig',
  tan: 'trig',
  log: 'all',
  log2: 'all',
  log10: 'all',
  log1p: 'all',
  expm1: 'all',
  atan: 'all',
  TanhBackward0: 'all',
}

const view = new DataView(new ArrayBuffer(8))
const toHex = (x: number): string => {
  view.setFloat64(0, x)
  return view.getBigUint64(0).toString(16).padStart(16, '0')
}
const fromHex = (h: string): number => {
  view.setBigUint64(0, BigInt(`0x${h}`))
  return view.getFloat64(0)
}
const nextUp = (x: number, ulps: number): number => {
  view.setFloat64(0, x)
  view.setBigInt64(0, view.getBigInt64(0) + BigInt(ulps))
  return view.getFloat64(0)
}

const EDGES = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  2.2250738585072014e-308,
  1,
  -1,
  0.5,
  2,
  1e-8,
  -1e-8,
  1e-300,
  709.782712893384,
  709.78,
  710,
  -708.4,
  -745.1,
  -745.2,
  -1000,
  -1000.0001,
  18.714973875,
  -18.714973875,
  18.7,
  19,
  -36.7368005696771,
  -36.8,
  709.782712893384,
  1e-300,
  -1e-310,
  0.34657359027997264,
  Math.LN2,
  -Math.LN2,
  1e300,
  -1e300,
  100,
  -100,
  20,
]

const TRIG_EDGES = [
  0,
  -0,
  5e-324,
  1e-300,
  1e-8,
  1,
  Math.PI / 2,
  Math.PI,
  -Math.PI,
  2 * Math.PI,
  14.999999999999998,
  15,
  -15,
  100,
  1e6,
  1e9,
  1e13,
  9.99999999999999e13,
  -9.99999999999999e13,
  355,
  103993,
  1.0e7 * Math.PI,
]

function inputs(count: number, set: 'all' | 'trig'): number[] {
  const random = mulberry32(20261204)
  const edges = set === 'trig' ? TRIG_EDGES : EDGES
  const xs = [...edges]
  for (const edge of edges)
    if (Number.isFinite(edge))
      xs.push(
        ...[nextUp(edge, 1), nextUp(edge, -1)].filter((x) => set === 'all' || Number.isFinite(x)),
      )
  while (xs.length < count) {
    const r = random()
    if (set === 'trig') {
      // Mostly short vectors (every lane below 15), some long ones up to 1e14.
      if (r < 0.7) xs.push((random() - 0.5) * 30)
      else xs.push((random() - 0.5) * 2 * 10 ** (random() * 14))
      continue
    }
    if (r < 0.4) xs.push((random() - 0.5) * 20)
    else if (r < 0.55) xs.push((random() - 0.5) * 1500)
    else if (r < 0.65) xs.push((random() - 0.5) * 2e-3)
    else if (r < 0.75) xs.push(random() * 50 - 10)
    else {
      view.setUint32(0, (random() * 2 ** 32) >>> 0)
      view.setUint32(4, (random() * 2 ** 32) >>> 0)
      xs.push(view.getFloat64(0))
    }
  }
  return xs
}

type Layout = 'whole' | 'scalar' | 'chunk17'

function ours(name: string, xs: Float64Array, layout: Layout): string[] {
  const size = layout === 'whole' ? xs.length : layout === 'scalar' ? 1 : 17
  const out: string[] = []
  for (let i = 0; i < xs.length; i += size) {
    const part = xs.subarray(i, i + size)
    const result = new Float64Array(part.length)
    const forward = float64Kernels[name]
    if (forward) forward(result, part)
    else float64BackwardKernels[name]!.kernel(result, part.slice().reverse(), part)
    out.push(...Array.from(result, toHex))
  }
  return out
}

const sameBits = (a: string, b: string) =>
  a === b || (Number.isNaN(fromHex(a)) && Number.isNaN(fromHex(b)))

describe('fma', () => {
  const random = mulberry32(7)
  const randomDouble = (scale: number) =>
    (random() - 0.5) * 2 ** Math.floor(random() * scale - scale / 2)
  it('rounds a·b + c once, as exact integer arithmetic does, on random and halfway operands', () => {
    const wrong: number[][] = []
    for (let i = 0; i < 20000; i++) {
      const a = randomDouble(i % 2 ? 60 : 2100)
      const b = randomDouble(i % 2 ? 60 : 2100)
      let c = randomDouble(i % 3 ? 60 : 2100)
      // Cancellation: c near −a·b, and c on a·b's halfway points (a·b = integer + ½ ulp patterns).
      if (i % 5 === 0) c = -(a * b) * (1 + (random() - 0.5) * 2 ** -40)
      if (i % 7 === 0) c = -(a * b)
      if ([a, b, c].every(Number.isFinite) && !Object.is(fma(a, b, c), fmaExact(a, b, c)))
        wrong.push([a, b, c])
    }
    // Exact midpoints: (1 + 2^-52)·(1 + 2^-53·k) products and c = ±2^-54…, a lone bit deciding the tie.
    for (let k = 1; k < 2000; k++) {
      const a = 1 + k * 2 ** -52
      const b = 1 + (2 * k + 1) * 2 ** -30
      for (const c of [
        2 ** -53,
        -(2 ** -53),
        2 ** -54,
        3 * 2 ** -54,
        1,
        -1,
        2 ** -106,
        -(2 ** -106),
      ])
        if (!Object.is(fma(a, b, c), fmaExact(a, b, c))) wrong.push([a, b, c])
    }
    expect(wrong.slice(0, 5)).toEqual([])
  })
  it('checks the exact path against rational rounding by hand', () => {
    // 1 + 2^-53 is a tie: to even (1); 1 + 3·2^-54 rounds up; subnormals keep their bits.
    expect(roundToDouble((1n << 53n) + 1n, -53)).toBe(1)
    expect(roundToDouble((1n << 54n) + 3n, -54)).toBe(1 + 2 ** -52)
    expect(roundToDouble(3n, -1075)).toBe(2 * 5e-324)
    expect(fmaExact(2 ** 600, 2 ** 600, -Number.MAX_VALUE)).toBe(Infinity)
    expect(fmaExact(5e-324, 0.5, 0)).toBe(0)
    expect(fmaExact(5e-324, 0.75, 0)).toBe(5e-324)
  })
})

describe.skipIf(missing !== null)(`float64 kernels against PyTorch (${missing ?? PYTHON})`, () => {
  const script = fileURLToPath(new URL('./kernel-oracle.py', import.meta.url))
  const sets = { all: inputs(4000, 'all'), trig: inputs(4000, 'trig') }
  const theirs: Record<string, Record<Layout, string[]>> = {}
  const errors: string[] = []
  for (const set of ['all', 'trig'] as const) {
    const run = spawnSync(PYTHON, [script], {
      input: JSON.stringify({
        dtype: 'float64',
        ops: Object.keys(OPS).filter((name) => OPS[name] === set),
        bits: sets[set].map(toHex),
      }),
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    })
    errors.push(run.stderr)
    if (run.status === 0) Object.assign(theirs, JSON.parse(run.stdout))
  }

  it('runs the oracle', () => {
    expect(errors.join('')).toBe('')
    expect(Object.keys(theirs).sort()).toEqual(Object.keys(OPS).sort())
  })

  for (const name of Object.keys(OPS))
    for (const layout of ['whole', 'scalar', 'chunk17'] as const)
      it(`${name} on ${sets[OPS[name]!].length} inputs (${layout}) is PyTorch's to the bit`, () => {
        const xs = sets[OPS[name]!]
        const mine = ours(name, Float64Array.from(xs), layout)
        const want = theirs[name]![layout]
        const wrong = xs
          .map((x, i) => ({ x, ours: fromHex(mine[i]!), pytorch: fromHex(want[i]!), i }))
          .filter(({ i }) => !sameBits(mine[i]!, want[i]!))
        expect(wrong.slice(0, 5)).toEqual([])
        expect(mine.length).toBe(want.length)
      })
})

describe('float64 sin, cos and tan beyond the ported reductions', () => {
  it("leave a vector with a lane of |x| ≥ 1e14, ±∞ or NaN at the engine's values", () => {
    const a = Float64Array.of(1, 2, 1e15, 3, 0.5, NaN, 1, 2, 0.25)
    for (const name of ['sin', 'cos', 'tan'] as const) {
      const engine = Float64Array.from(a, Math[name])
      const out = engine.slice()
      float64Kernels[name]!(out, a)
      expect(Array.from(out.subarray(0, 8))).toEqual(Array.from(engine.subarray(0, 8)))
      expect(out[8]).not.toBeNaN()
    }
  })
})
