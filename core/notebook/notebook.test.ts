import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gradientAt } from '../evaluate/service'
import { handleMessage } from '../evaluate/serve'
import type { CellOutput, RunCellResult } from '../protocol/notebook'
import { LAB_CELLS } from './lab-cells'
import { createSession, runCell, type Session } from './run'
import { NotebookSessions } from './sessions'

const stdout = (result: RunCellResult) =>
  result.outputs
    .filter((o): o is Extract<CellOutput, { type: 'stream' }> => o.type === 'stream')
    .map((o) => o.text)
    .join('')
const errorOf = (result: RunCellResult) =>
  result.outputs.find((o): o is Extract<CellOutput, { type: 'error' }> => o.type === 'error')
const lastLine = (result: RunCellResult) => errorOf(result)?.traceback.at(-1)
const script = (source: string, session: Session = createSession()) =>
  runCell(session, source, { mode: 'script' })

describe('the lab, cell by cell, as PyTorch 1.13 prints it', () => {
  it('prints what the lab notebook prints, and stops at the cell that uses u before creating it', () => {
    const session = createSession()
    const results = LAB_CELLS.map((cell) => runCell(session, cell, { mode: 'cell' }))
    expect(results.map(stdout)).toEqual([
      '',
      'The tensor x:  tensor(2., requires_grad=True)\n',
      'The result of y = x^2:  tensor(4., grad_fn=<PowBackward0>)\n',
      'The dervative at x = 2:  tensor(4.)\n',
      'The result of y = x^2 + 2x + 1:  tensor(9., grad_fn=<AddBackward0>)\nThe dervative at x = 2:  tensor(6.)\n',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ])
    expect(results.map(lastLine)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "NameError: name 'u' is not defined",
      "NameError: name 'f' is not defined",
      "NameError: name 'v' is not defined",
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ])
    expect(errorOf(results[6]!)?.span).toEqual({ line: 3, column: 4, endLine: 3, endColumn: 5 })
    expect(errorOf(results[6]!)?.why).toMatch(/create 'u' first/)
    expect(results.map((r) => r.executionCount)).toEqual(LAB_CELLS.map((_, i) => i + 1))
  })

  it('draws the two lab plots with matplotlib’s first colour, the label and the x label', () => {
    const session = createSession()
    const figures = LAB_CELLS.flatMap((cell) =>
      runCell(session, cell, { mode: 'cell' }).outputs.filter((o) => o.type === 'figure'),
    )
    expect(figures).toHaveLength(2)
    const [squares, relu] = figures.map((f) => (f.type === 'figure' ? f.figure : null))
    expect(squares).toMatchObject({ xlabel: 'x', ylabel: '', title: '', legend: true })
    expect(squares!.series).toHaveLength(1)
    expect(squares!.series[0]).toMatchObject({ label: 'function', color: '#1f77b4', cycle: 'C0' })
    expect(squares!.series[0]!.x[0]).toBe(-10)
    expect(squares!.series[0]!.y[0]).toBe(100)
    expect(relu!.series[0]!.y.slice(48, 52).map((v) => v > 0)).toEqual([false, false, true, true])
  })
})

describe('errors as Python and PyTorch raise them', () => {
  const cases: [string, string][] = [
    ['f = u * v + u ** 2', "NameError: name 'u' is not defined"],
    [
      'import torch\nx = torch.linspace(0, 1, 3, requires_grad=True)\n(x * 2).backward()',
      'RuntimeError: grad can be implicitly created only for scalar outputs',
    ],
    [
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * x\ny.backward()\ny.backward()',
      'RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.',
    ],
    [
      'import torch\ntorch.tensor(2.0).backward()',
      'RuntimeError: element 0 of tensors does not require grad and does not have a grad_fn',
    ],
    [
      'import torch\ntorch.tensor(2.0, requires_grad=True).numpy()',
      "RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    ],
    [
      'import torch\ntorch.tensor(2, requires_grad=True)',
      'RuntimeError: Only Tensors of floating point and complex dtype can require gradients',
    ],
    [
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\nx += 1',
      'RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.',
    ],
    [
      'import torch\nimport torch.functional as F\nF.relu(torch.tensor(1.0))',
      "AttributeError: module 'torch.functional' has no attribute 'relu'",
    ],
    [
      'import torch\ntorch.sin(2.0)',
      "TypeError: sin(): argument 'input' (position 1) must be Tensor, not float",
    ],
    [
      'import torch\ntorch.tensor(2.0).foo',
      "AttributeError: 'Tensor' object has no attribute 'foo'",
    ],
  ]
  it.each(cases)('%s', (source, expected) => {
    const result = script(source)
    expect(result.status).toBe('error')
    expect(lastLine(result)).toBe(expected)
    expect(errorOf(result)?.traceback[0]).toBe('Traceback (most recent call last):')
  })

  it('warns, as PyTorch does, when .grad of a non-leaf is read, and gives None', () => {
    const result = script(
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\ny = x * 3\nprint(y.grad)',
    )
    expect(stdout(result)).toBe('None\n')
    const warning = result.outputs.find((o) => o.type === 'warning')
    expect(warning).toMatchObject({ category: 'UserWarning', span: { line: 4 } })
  })

  it('accumulates .grad over repeated backward calls until zero_()', () => {
    const result = script(
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\nfor i in range(3):\n    (x ** 2).backward()\n    print(x.grad)\nx.grad.zero_()\nprint(x.grad)',
    )
    expect(stdout(result)).toBe('tensor(4.)\ntensor(8.)\ntensor(12.)\ntensor(0.)\n')
  })

  it('names what it does not support, at the characters', () => {
    const result = script('def f(x):\n    return x')
    expect(lastLine(result)).toBe("NotSupportedError: 'def' is not supported in this notebook")
    expect(errorOf(result)?.span).toMatchObject({ line: 1, column: 0 })
  })
})

describe('PyTorch fidelity', () => {
  it('is float32 by default, float64 where asked, with Python float reprs', () => {
    expect(
      stdout(
        script(
          'import torch\nprint(torch.tensor(0.1).item(), torch.tensor(0.1, dtype=torch.float64).item())',
        ),
      ),
    ).toBe('0.10000000149011612 0.1\n')
    expect(
      stdout(
        script('import torch\nprint(torch.tensor(2.0, dtype=torch.float64, requires_grad=True))'),
      ),
    ).toBe('tensor(2., dtype=torch.float64, requires_grad=True)\n')
    expect(
      stdout(
        script('import torch\nx = torch.tensor(2.0, requires_grad=True)\nprint(torch.sin(x))'),
      ),
    ).toBe('tensor(0.9093, grad_fn=<SinBackward0>)\n')
  })

  it('echoes the last expression in a cell, not in a script', () => {
    const cell = runCell(
      createSession(),
      'import torch\nx = torch.tensor(2.0, requires_grad=True)\n(x ** 2).grad_fn',
      { mode: 'cell' },
    )
    expect(cell.outputs).toEqual([
      {
        type: 'execute_result',
        executionCount: 1,
        text: expect.stringMatching(/^<PowBackward0 object at 0x[0-9a-f]+>$/),
      },
    ])
    expect(script('1 + 1').outputs).toEqual([])
  })

  it('gives the core’s numbers in float64', () => {
    const core = gradientAt({ expression: 'u*v + (u*v)^2', point: { u: 2, v: 1 } })
    const result = script(
      'import torch\nu = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)\nv = torch.tensor(1.0, dtype=torch.float64, requires_grad=True)\nf = u * v + (u * v) ** 2\nf.backward()\nprint(f.item(), u.grad.item(), v.grad.item())',
    )
    expect(core.ok).toBe(true)
    if (core.ok)
      expect(stdout(result)).toBe(
        `${core.value.value}.0 ${core.value.gradient.u}.0 ${core.value.gradient.v}.0\n`,
      )
  })
})

describe('limits', () => {
  it('stops for i in range(10**9) with a clear error, well before the 2 s deadline', () => {
    const started = performance.now()
    const result = script('for i in range(10**9):\n    pass')
    expect(performance.now() - started).toBeLessThan(1500)
    expect(errorOf(result)?.ename).toBe('StepLimitError')
    expect(errorOf(result)?.why).toMatch(/fixed amount of work/)
  })

  it('refuses a tensor past the element limit before allocating it', () => {
    expect(errorOf(script('import torch\ntorch.zeros(10**8)'))?.ename).toBe('StepLimitError')
  })
})

describe('sessions', () => {
  it('share a namespace between cells of one session, and restart clears it', () => {
    const sessions = new NotebookSessions()
    sessions.run({ session: 'a', source: 'x = 41' })
    expect(sessions.run({ session: 'a', source: 'x + 1' }).outputs).toEqual([
      { type: 'execute_result', executionCount: 2, text: '42' },
    ])
    expect(lastLine(sessions.run({ session: 'b', source: 'x' }))).toBe(
      "NameError: name 'x' is not defined",
    )
    sessions.restart({ session: 'a' })
    const after = sessions.run({ session: 'a', source: 'x' })
    expect(after.executionCount).toBe(1)
    expect(lastLine(after)).toBe("NameError: name 'x' is not defined")
  })

  it('are served by the worker, validated like evaluate', () => {
    const answer = handleMessage({
      id: 1,
      method: 'runCell',
      params: { session: 's', source: 'print(1)' },
    })
    expect(answer?.result).toEqual({
      ok: true,
      value: {
        executionCount: 1,
        status: 'ok',
        outputs: [{ type: 'stream', name: 'stdout', text: '1\n' }],
        tensors: [],
      },
    })
    expect(handleMessage({ id: 2, method: 'runCell', params: { session: 's' } })?.result.ok).toBe(
      false,
    )
    expect(
      handleMessage({ id: 3, method: 'restartNotebook', params: { session: 's' } })?.result,
    ).toEqual({
      ok: true,
      value: { session: 's' },
    })
  })
})

describe('the interpreter never throws', () => {
  const pieces = [
    'import torch',
    'x = torch.tensor(2.0, requires_grad=True)',
    'y = x ** 2',
    'y.backward()',
    'print(x.grad)',
    'for i in range(3):',
    '    ',
    'with torch.no_grad():',
    'if x > 1:',
    'else:',
    '(',
    ')',
    '[',
    ']',
    '"',
    "f'{x:.3f}'",
    'x.grad.zero_()',
    'torch.linspace(-3, 3, 5)',
    'F.relu(x)',
    'import torch.nn.functional as F',
    '**',
    '\\',
    '\t',
    'x += 1',
    'x.grad = None',
    'plt.plot(x)',
    'import matplotlib.pyplot as plt',
    '10**9',
    '1/0',
    'x[0]',
    'None.a',
  ]
  it('answers every source with outputs, for random programs built from the subset’s pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string()), { maxLength: 12 }),
        (parts) => {
          const result = runCell(createSession(), parts.join('\n'), { mode: 'cell' })
          expect(['ok', 'error']).toContain(result.status)
          const error = errorOf(result)
          if (error) expect(error.ename).not.toBe('InternalError')
        },
      ),
      { numRuns: 300 },
    )
  })
})
