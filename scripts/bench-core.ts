/**
 * `npm run bench`: f and f′ over N points for the four benchmark expressions — our core (generated loop
 * and the interpreted engine) against a hand-written loop (the limit), mathjs (derivative + compile +
 * evaluate) and TensorFlow.js (cpu backend, valueAndGrad), all in this one process, side by side.
 * Medians of ≥ 20 runs after warm-up; ratios are to the hand-written loop of the same row.
 *
 *   npm run bench [-- --runs 31 --sizes 1000,10000]
 */
import * as tf from '@tensorflow/tfjs'
import { create, all } from 'mathjs'
import { performance } from 'node:perf_hooks'
import { compile } from '../core/evaluate/compiled'
import { sampleSlice } from '../core/evaluate/series'
import { linspace } from '../core/autograd'
import { benchNotebook } from './notebook/bench-notebook'

const math = create(all!)

interface Case {
  label: string
  expression: string
  wrt: 'x' | 'u'
  point: Record<string, number>
  /** The limit: f and f′ written out by hand, one loop. */
  hand: (t: Float64Array, f: Float64Array, df: Float64Array) => void
  /** mathjs's spelling (it has no relu; relu(x) = (x + |x|)/2 has the same values and derivative off 0). */
  mathjs: string
  tfjs: (t: tf.Tensor) => tf.Tensor
}

const V = 1.5
const CASES: Case[] = [
  {
    label: 'x^2 + 2x + 1',
    expression: 'x^2 + 2x + 1',
    wrt: 'x',
    point: { x: 0 },
    hand: (t, f, df) => {
      for (let i = 0; i < t.length; i++) {
        const x = t[i]!
        f[i] = x * x + 2 * x + 1
        df[i] = 2 * x + 2
      }
    },
    mathjs: 'x^2 + 2x + 1',
    tfjs: (x) => x.square().add(x.mul(2)).add(1),
  },
  {
    label: 'sin(x)*exp(-x^2/10)',
    expression: 'sin(x)*exp(-x^2/10)',
    wrt: 'x',
    point: { x: 0 },
    hand: (t, f, df) => {
      for (let i = 0; i < t.length; i++) {
        const x = t[i]!
        const s = Math.sin(x)
        const g = Math.exp((-x * x) / 10)
        f[i] = s * g
        df[i] = Math.cos(x) * g - (s * g * x) / 5
      }
    },
    mathjs: 'sin(x)*exp(-x^2/10)',
    tfjs: (x) => x.sin().mul(x.square().neg().div(10).exp()),
  },
  {
    label: 'relu(x)',
    expression: 'relu(x)',
    wrt: 'x',
    point: { x: 0 },
    hand: (t, f, df) => {
      for (let i = 0; i < t.length; i++) {
        const x = t[i]!
        f[i] = x > 0 ? x : 0
        df[i] = x > 0 ? 1 : 0
      }
    },
    mathjs: '(x + abs(x))/2',
    tfjs: (x) => x.relu(),
  },
  {
    label: 'u*v + (u*v)^2 (along u)',
    expression: 'u*v + (u*v)^2',
    wrt: 'u',
    point: { u: 0, v: V },
    hand: (t, f, df) => {
      for (let i = 0; i < t.length; i++) {
        const w = t[i]! * V
        f[i] = w + w * w
        df[i] = V + 2 * w * V
      }
    },
    mathjs: 'u*v + (u*v)^2',
    tfjs: (u) => {
      const w = u.mul(V)
      return w.add(w.square())
    },
  },
]

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`)
  return index === -1 ? fallback : (process.argv[index + 1] ?? fallback)
}

const RUNS = Math.max(20, Number(option('runs', '21')))
const SIZES = option('sizes', '1000,10000,1000000').split(',').map(Number)
const WARMUP = 10

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/** One timed run; the caller interleaves the contenders and repeats. */
function time(fn: () => void): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

type Contender = { name: string; run: (t: Float64Array) => void }

function contenders(c: Case): Contender[] {
  const compilation = compile(c.expression)
  if (!compilation.ok) throw new Error(`cannot compile ${c.expression}`)
  const compiled = compilation.compiled
  const f = math.compile(c.mathjs)
  const df = math.compile(math.derivative(c.mathjs, c.wrt).toString())
  const valueAndGrad = tf.valueAndGrad(c.tfjs)
  return [
    {
      name: 'hand-written loop',
      run: (t) => c.hand(t, new Float64Array(t.length), new Float64Array(t.length)),
    },
    { name: 'calculus-lab (generated)', run: (t) => void sampleSlice(compiled, c.wrt, c.point, t) },
    {
      name: 'calculus-lab (engine)',
      run: (t) => void sampleSlice(compiled, c.wrt, c.point, t, { interpreted: true }),
    },
    {
      name: 'tfjs cpu',
      run: (t) => {
        tf.tidy(() => {
          const x = tf.tensor1d(Float32Array.from(t), 'float32')
          const { value, grad } = valueAndGrad(x, tf.onesLike(x))
          value.dataSync()
          grad.dataSync()
        })
      },
    },
    {
      name: 'mathjs',
      run: (t) => {
        const scope: Record<string, number> = { ...c.point }
        const fs = new Float64Array(t.length)
        const dfs = new Float64Array(t.length)
        for (let i = 0; i < t.length; i++) {
          scope[c.wrt] = t[i]!
          fs[i] = f.evaluate(scope) as number
          dfs[i] = df.evaluate(scope) as number
        }
      },
    },
  ]
}

async function main(): Promise<void> {
  await tf.setBackend('cpu')
  console.log(
    `f and f′ over N points; median of ${RUNS} runs after ${WARMUP} warm-up runs; ratio = time / hand-written loop`,
  )
  console.log(
    `node ${process.version}, tfjs ${tf.version.tfjs} (${tf.getBackend()}, float32), mathjs ${math.version}\n`,
  )
  const rows: string[][] = []
  for (const n of SIZES) {
    for (const c of CASES) {
      const t = linspace(-5, 5, n).data
      const list = contenders(c)
      // mathjs at a million points takes seconds per run: it gets its own, smaller budget.
      const runsFor = (name: string) => (name === 'mathjs' && n >= 1e6 ? 20 : RUNS)
      const samples = new Map(list.map((contender) => [contender.name, [] as number[]]))
      for (let run = 0; run < WARMUP + RUNS; run++) {
        // Rotate who goes first, so garbage left by one contender is not always collected in the next.
        const order = list.map((_, k) => list[(k + run) % list.length]!)
        for (const contender of order) {
          if (run >= WARMUP + runsFor(contender.name)) continue
          const ms = time(() => contender.run(t))
          if (run >= WARMUP) samples.get(contender.name)!.push(ms)
        }
      }
      const hand = median(samples.get('hand-written loop')!)
      const cells = list.map(({ name }) => {
        const ms = median(samples.get(name)!)
        return name === 'hand-written loop' ? `${ms.toFixed(3)} ms` : `${(ms / hand).toFixed(2)}×`
      })
      rows.push([n.toExponential(0).replace('e+', 'e'), c.label, ...cells])
      console.log(`N=${n} ${c.label}: ${cells.join(' | ')}`)
    }
  }
  const header = ['N', 'expression', ...contenders(CASES[0]!).map((contender) => contender.name)]
  console.log('\n| ' + header.join(' | ') + ' |')
  console.log('|' + header.map(() => '---').join('|') + '|')
  for (const row of rows) console.log('| ' + row.join(' | ') + ' |')
  console.log('\n' + benchNotebook(RUNS, WARMUP))
}

void main()
