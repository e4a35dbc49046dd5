import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { float32BackwardKernels, float32Kernels } from '../../core/autograd'
import { fromBits, toBits } from '../../core/autograd/kernels/float32-arith'
import { pytorchSumFloat32 } from '../../core/autograd/kernels/float32-sum'
import { mulberry32 } from './generate-cells'
import { oracleMissing, PYTHON } from './compare'

/**
 * Our float32 kernels (core/autograd/kernels/float32.ts) against PyTorch 1.13's, bit for bit, on a few
 * thousand float32 inputs per op: random ones at several scales, random bit patterns (denormals, huge
 * values, NaN), and the edges of each algorithm's range reduction and cut-offs. Every input runs three
 * ways, as PyTorch's kernels take different paths by layout (kernel-oracle.py): in one tensor, as 0-dim
 * tensors, and in tensors of 17 elements (a full 16-element block and a scalar tail of one).
 */
const missing = oracleMissing()

/**
 * Each op as the engine names it, with the exponent operand for pow(Tensor, Scalar); a node name is a
 * fused backward kernel, run with the incoming gradient x reversed (kernel-oracle.py does the same).
 */
const OPS: Record<string, { op: string; exponent?: number }> = {
  exp: { op: 'exp' },
  log: { op: 'log' },
  log1p: { op: 'log1p' },
  sin: { op: 'sin' },
  cos: { op: 'cos' },
  tanh: { op: 'tanh' },
  atan: { op: 'atan' },
  sinh: { op: 'sinh' },
  cosh: { op: 'cosh' },
  sigmoid: { op: 'sigmoid' },
  softplus: { op: 'softplus' },
  expm1: { op: 'expm1' },
  log2: { op: 'log2' },
  log10: { op: 'log10' },
  silu: { op: 'silu' },
  erf: { op: 'erf' },
  tan: { op: 'tan' },
  asin: { op: 'asin' },
  acos: { op: 'acos' },
  'pow-0.5': { op: 'powScalar', exponent: -0.5 },
  pow3: { op: 'powScalar', exponent: 3 },
  'pow1.5': { op: 'powScalar', exponent: 1.5 },
  'pow-0.7': { op: 'powScalar', exponent: -0.7 },
  'pow3.3': { op: 'powScalar', exponent: 3.3 },
  TanhBackward0: { op: 'TanhBackward0' },
  SoftplusBackward0: { op: 'SoftplusBackward0' },
  SiluBackward0: { op: 'SiluBackward0' },
  AsinBackward0: { op: 'AsinBackward0' },
  AcosBackward0: { op: 'AcosBackward0' },
}

const f = Math.fround
const EDGES = [
  0,
  -0,
  Infinity,
  -Infinity,
  NaN,
  1e-45,
  -1e-45,
  1.1754942e-38,
  1,
  -1,
  0.5,
  2,
  20,
  20.000002,
  19.999998,
  8.664339742,
  8.6643405,
  88.72283,
  88.7,
  89,
  89.00001,
  -104,
  -104.00001,
  100,
  100.00001,
  -16.635532,
  124.99999,
  125,
  -125,
  39000,
  1e7,
  Math.PI,
  -Math.PI,
  Math.PI / 2,
  1e-3,
  -1e-3,
  3.4e38,
]

function inputs(count: number): number[] {
  const random = mulberry32(20261203)
  const xs = EDGES.map((x) => f(x))
  for (const edge of EDGES) xs.push(f(edge * (1 + 2 ** -23)), f(edge * (1 - 2 ** -23)))
  while (xs.length < count) {
    const r = random()
    if (r < 0.4) xs.push(f((random() - 0.5) * 20))
    else if (r < 0.55) xs.push(f((random() - 0.5) * 250))
    else if (r < 0.65) xs.push(f((random() - 0.5) * 2e-3))
    else if (r < 0.75) xs.push(f(random() * 100 - 10))
    else xs.push(fromBits((random() * 2 ** 32) | 0))
  }
  return xs
}

type Layout = 'whole' | 'scalar' | 'chunk17'

function ours(name: string, xs: Float64Array, layout: Layout): number[] {
  const { op, exponent } = OPS[name]!
  const forward = float32Kernels[op]
  const backward = float32BackwardKernels[op]
  const run = (part: Float64Array): number[] => {
    const out = new Float64Array(part.length)
    if (forward) forward(out, part, Float64Array.of(exponent ?? 0))
    else backward!.kernel(out, part.slice().reverse(), part)
    return Array.from(out, (v) => toBits(v))
  }
  const size = layout === 'whole' ? xs.length : layout === 'scalar' ? 1 : 17
  const bits: number[] = []
  for (let i = 0; i < xs.length; i += size) bits.push(...run(xs.subarray(i, i + size)))
  return bits
}

const sameBits = (a: number, b: number) =>
  a === b || (Number.isNaN(fromBits(a)) && Number.isNaN(fromBits(b)))

describe.skipIf(missing !== null)(`float32 kernels against PyTorch (${missing ?? PYTHON})`, () => {
  const xs = inputs(3000)
  const bits = xs.map(toBits)
  const script = fileURLToPath(new URL('./kernel-oracle.py', import.meta.url))
  const run = spawnSync(PYTHON, [script], {
    input: JSON.stringify({ dtype: 'float32', ops: Object.keys(OPS), bits }),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  const theirs =
    run.status === 0 ? (JSON.parse(run.stdout) as Record<string, Record<Layout, number[]>>) : null
  const values = Float64Array.from(xs)

  it('runs the oracle', () => {
    expect(run.stderr).toBe('')
    expect(theirs).not.toBeNull()
  })

  for (const name of Object.keys(OPS))
    for (const layout of ['whole', 'scalar', 'chunk17'] as const)
      it(`${name} on ${xs.length} inputs (${layout}) is PyTorch's to the bit`, () => {
        const mine = ours(name, values, layout)
        const want = theirs![name]![layout]
        const wrong = xs
          .map((x, i) => ({ x, ours: fromBits(mine[i]!), pytorch: fromBits(want[i]!), i }))
          .filter(({ i }) => !sameBits(mine[i]!, want[i]!))
        expect(wrong.slice(0, 5)).toEqual([])
        expect(mine.length).toBe(want.length)
      })

  it("sums float32 vectors of 1 to 20000 elements in PyTorch's order, to the bit", () => {
    const random = mulberry32(5)
    const lengths = [
      1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33, 37, 64, 100, 129, 255, 256, 511, 512, 513,
    ]
    const vectors = [...lengths, 1000, 2047, 2048, 5000, 20000].flatMap((n) =>
      [1, 1000].map((scale) => Array.from({ length: n }, () => f((random() - 0.5) * scale))),
    )
    const sums = spawnSync(
      PYTHON,
      [
        '-c',
        'import json, sys, torch\n' +
          'print(json.dumps([torch.tensor(v).sum().view(torch.int32).item() for v in json.load(sys.stdin)]))',
      ],
      { input: JSON.stringify(vectors), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    )
    const want = JSON.parse(sums.stdout) as number[]
    const wrong = vectors
      .map((v, i) => ({ n: v.length, ours: pytorchSumFloat32(v), pytorch: fromBits(want[i]!) }))
      .filter(({ ours, pytorch }) => ours !== pytorch)
    expect(wrong).toEqual([])
    expect(want.length).toBe(vectors.length)
  })
})
