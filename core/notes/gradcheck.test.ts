import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { compile } from '../evaluate/compiled'
import { toTorch } from '../expr'
import { gradcheck, GRADCHECK_DEFAULTS, type GradcheckOptions } from './gradcheck'

function check(
  expression: string,
  point: Record<string, number>,
  options: GradcheckOptions = GRADCHECK_DEFAULTS,
) {
  const compilation = compile(expression)
  if (!compilation.ok) throw new Error(`${expression} does not parse`)
  return gradcheck(compilation.compiled.ast, compilation.compiled.variables, point, options)
}

/** The cases whose verdicts PyTorch's own gradcheck gives (relu fails at its kink, abs passes). */
const CASES: [string, Record<string, number>][] = [
  ['relu(x)', { x: 0 }],
  ['abs(x)', { x: 0 }],
  ['max(x, 0)', { x: 0 }],
  ['clamp(x, 0, 1)', { x: 1 }],
  ['x^2', { x: 2 }],
  ['sin(u)*v + u^3', { u: 0.5, v: -1.5 }],
  ['sqrt(x)', { x: 0 }],
  ['abs(x - u)', { x: 1, u: 1 }],
]

describe('gradcheck', () => {
  it('fails relu at 0 (finite differences 0.5 against autograd’s 0) and passes abs at 0', () => {
    expect(check('relu(x)', { x: 0 })).toEqual([
      { variable: 'x', analytical: 0, numerical: 0.5, passes: false },
    ])
    expect(check('abs(x)', { x: 0 })).toEqual([
      { variable: 'x', analytical: 0, numerical: 0, passes: true },
    ])
  })

  it('applies torch.allclose: |a − n| ≤ atol + rtol·|n|', () => {
    // x² at 2: FD = 4 + eps²-sized rounding; a tolerance of 0 rejects what the default accepts.
    expect(check('x^2', { x: 2 })[0]!.passes).toBe(true)
    expect(check('x^3', { x: 2 }, { eps: 1e-2, atol: 0, rtol: 0 })[0]!.passes).toBe(false)
    expect(check('x^3', { x: 2 }, { eps: 1e-2, atol: 1e-3, rtol: 0 })[0]!.passes).toBe(true)
  })

  const torchPython = '/usr/bin/python3'
  const hasTorch =
    existsSync(torchPython) &&
    spawnSync(torchPython, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0

  it.skipIf(!hasTorch)(
    'gives torch.autograd.gradcheck’s verdict on every case',
    { timeout: 60_000 },
    () => {
      const programs = CASES.map(([expression, point]) => {
        const compilation = compile(expression)
        if (!compilation.ok) throw new Error(expression)
        const { ast, variables } = compilation.compiled
        const body = toTorch(ast, { point, variables })
        // The expression as PyTorch code: the line that assigns y (toTorch's output variable).
        const line = body
          .split('\n')
          .find((l) => /^y = /.test(l))!
          .slice(4)
        const inputs = variables.map(
          (v) => `torch.tensor(${point[v]}, dtype=torch.float64, requires_grad=True)`,
        )
        return `gradcheck(lambda ${variables.join(', ')}: ${line}, (${inputs.join(', ')},), raise_exception=False)`
      })
      const script = [
        'import torch, math',
        'import torch.nn.functional as F',
        'from torch.autograd import gradcheck',
        ...programs.map((p) => `print(${p})`),
      ].join('\n')
      const run = spawnSync(torchPython, ['-c', script], { encoding: 'utf8' })
      expect(run.stderr).toBe('')
      const torchVerdicts = run.stdout
        .trim()
        .split('\n')
        .map((line) => line === 'True')
      const ours = CASES.map(([expression, point]) =>
        check(expression, point).every((e) => e.passes),
      )
      expect(ours).toEqual(torchVerdicts)
      // The verdicts themselves, so the comparison cannot pass by both sides agreeing on nothing.
      expect(ours).toEqual([false, true, true, false, true, true, false, true])
    },
  )
})
