/**
 * The PyTorch panel's programs, run as they are shown under the PyTorch this project takes as its oracle
 * (/usr/bin/python3 with torch 1.13): every program runs to the end, and prints the value and gradients
 * the app computes. Skipped, saying why, where that Python has no torch.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { gradientAt } from '../evaluate/service'
import { parse } from './parser'
import { toTorch } from './torch'
import { variablesOf } from './variables'

const PYTHON = '/usr/bin/python3'

function torchIsInstalled(): boolean {
  const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8', timeout: 60_000 })
  return probe.status === 0
}

const HAS_TORCH = torchIsInstalled()
if (!HAS_TORCH) console.warn(`skipping the PyTorch programs: ${PYTHON} cannot import torch`)

/** Expressions that once gave programs which raised, and one of each kind of function. */
const EXPRESSIONS = [
  'x^2',
  '0/0',
  '1/0',
  '3',
  'pi',
  'sin(2)',
  'round(2.5) + 1',
  'x^(1/3)',
  'sqrt(x)',
  'abs(x)',
  'relu(x)',
  'step(x)',
  'x^2 * step(x)',
  'sign(x)',
  'floor(x)',
  'ceil(x)',
  'round(x)',
  'frac(x)',
  'x * floor(x)',
  'softplus(x) + gelu(x) + silu(x)',
  'clamp(x, -1, 1)',
  'clamp(x, u, v)',
  'max(x, 0) + min(x, u)',
  'log(x) + log2(x) + log10(x) + log1p(x) + expm1(x)',
  'erf(x) * sigmoid(x) * tanh(x)',
  'u*v + (u*v)^2',
  '(-8)^(1/3)',
  'e^x',
]

const POINT = { x: 1.5, u: 2, v: -0.5 }

/**
 * Runs every program in one Python process (importing torch once), each in a fresh namespace, and
 * reports per program its error or the value of `y` and each variable's gradient (null for None).
 */
const RUNNER = `
import json, sys, io, contextlib, math
programs = json.load(sys.stdin)
results = []
def number(t):
    if t is None:
        return None
    v = float(t)
    return v if math.isfinite(v) else str(v)
for program, names in programs:
    namespace = {}
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(program, namespace)
        results.append({"y": number(namespace["y"]),
                        "grad": {n: number(namespace[n].grad) for n in names}})
    except Exception as error:
        results.append({"error": type(error).__name__ + ": " + str(error)})
print(json.dumps(results))
`

type Outcome =
  { error: string } | { y: number | string; grad: Record<string, number | string | null> }

const asPython = (value: number): number | string =>
  Number.isFinite(value) ? value : Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf'

function expectSame(python: number | string | null, app: number, label: string): void {
  const expected = asPython(app)
  if (typeof expected === 'string') expect(python, label).toBe(expected)
  else expect(python, label).toBeCloseTo(expected, 12)
}

describe.skipIf(!HAS_TORCH)('the PyTorch panel’s programs, run by PyTorch', () => {
  it('run as shown and print the value and gradients the app computes', () => {
    const cases = EXPRESSIONS.map((source) => {
      const ast = parse(source).ast
      if (!ast) throw new Error(`does not parse: ${source}`)
      const variables = variablesOf(ast)
      const point = Object.fromEntries(variables.map((name) => [name, POINT[name as 'x']]))
      return { source, variables, point, program: toTorch(ast, { point, variables }) }
    })
    const run = spawnSync(PYTHON, ['-c', RUNNER], {
      input: JSON.stringify(cases.map(({ program, variables }) => [program, variables])),
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(run.stderr).not.toMatch(/Traceback/)
    const outcomes = JSON.parse(run.stdout) as Outcome[]
    cases.forEach(({ source, variables, point, program }, i) => {
      const outcome = outcomes[i]!
      expect(outcome, `${source}\n${program}`).not.toHaveProperty('error')
      if ('error' in outcome) return
      const app = gradientAt({ expression: source, point })
      if (!app.ok) throw new Error(`the app refuses ${source}`)
      expectSame(outcome.y, app.value.value, source)
      for (const name of variables) {
        expectSame(outcome.grad[name] ?? null, app.value.gradient[name]!, `${source}: d/d${name}`)
      }
    })
  }, 180_000)
})
