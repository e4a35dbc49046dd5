import { describe, expect, it } from 'vitest'
import { runCli } from '../test-support/run-cli'

/** The real command, as a process: exit codes, standard streams, the JSON Lines contract. */
const run = (args: string[], input?: string) => runCli(args, { input })

describe('calculus-lab', { timeout: 60_000 }, () => {
  it('grad prints f and every partial, exit 0', () => {
    expect(run(['grad', 'u*v + u^2', '--at', 'u=1,v=2'])).toEqual({
      code: 0,
      stdout: 'f(u=1, v=2) = 3\n∂f/∂u = 4\n∂f/∂v = 1\n',
      stderr: '',
    })
  })

  it('grad --json prints one JSON object', () => {
    expect(run(['grad', 'x^2 + 2x + 1', '--at', 'x=2', '--json']).stdout).toBe(
      '{"value":9,"grad":{"x":6},"notes":[]}\n',
    )
  })

  it('grad reports a variable given but unused: None in text, null in JSON', () => {
    expect(run(['grad', '1', '--at', 'x=2'])).toEqual({
      code: 0,
      stdout: 'f(x=2) = 1\n∂f/∂x = None\n',
      stderr: '',
    })
    expect(run(['grad', '1', '--at', 'x=2', '--json']).stdout).toBe(
      '{"value":1,"grad":{"x":null},"notes":[]}\n',
    )
    expect(run(['batch'], '{"expr": "2u", "at": {"u": 1, "x": 2}}\n').stdout).toBe(
      '{"value":2,"grad":{"u":2,"x":null},"notes":[]}\n',
    )
  })

  it('grad with a bad expression underlines it on stderr, exit 1', () => {
    const result = run(['grad', 'x^^2', '--at', 'x=1'])
    expect(result.code).toBe(1)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('  x^^2\n    ^\n')
  })

  it('usage errors exit 2 with a pointer to --help', () => {
    for (const args of [
      ['frobnicate'],
      ['grad'],
      ['grad', 'x', '--at', 'x=two'],
      ['grad', 'x', '--wat'],
      [],
    ]) {
      const result = run(args)
      expect(result.code, args.join(' ')).toBe(2)
    }
    expect(run(['grad', 'x', '--at', 'x=two']).stderr).toBe(
      "calculus-lab: --at x: 'two' is not a finite number.\nRun 'calculus-lab --help' for usage.\n",
    )
  })

  it('--timeout stops a computation that runs past it: exit 4, and how to wait longer', () => {
    // One millisecond: the worker cannot even start in time, so the computation is cut for certain.
    const result = run(['grad', 'x^x^x', '--at', 'x=1.5', '--timeout', '0.001'])
    expect(result.code).toBe(4)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(
      'error[timeout]: The calculation took longer than 0.001 s and was stopped. Try fewer samples or a simpler function.\n' +
        '  hint: --timeout <seconds> waits longer (the default is 30).\n',
    )
    const batch = run(['batch', '--timeout', '0.001'], '{"expr": "x", "at": {"x": 1}}\n')
    expect(batch.code).toBe(0)
    expect(JSON.parse(batch.stdout)).toHaveProperty('error.code', 'timeout')
    expect(run(['grad', 'x', '--at', 'x=1', '--timeout', '0']).stderr).toBe(
      "calculus-lab: --timeout: '0' is not a number of seconds above 0 and at most 3600.\n" +
        "Run 'calculus-lab --help' for usage.\n",
    )
  })

  it('--help documents the commands and exit codes', () => {
    const result = run(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('calculus-lab batch')
    expect(result.stdout).toContain('Exit codes')
    expect(result.stdout).toContain('None in text, null in JSON')
    expect(result.stdout).toContain('--timeout     how long one computation')
    expect(result.stdout).toContain('4  the computation ran past --timeout')
  })

  it('batch answers 400 lines in order, bad lines included, well under 10 seconds', () => {
    const lines = Array.from({ length: 400 }, (_, i) =>
      i % 50 === 7
        ? '{"expr": "x^^2", "at": {"x": 1}}'
        : JSON.stringify({ expr: 'x^2 + u*x', at: { x: i, u: 1 } }),
    )
    const started = Date.now()
    const result = run(['batch'], lines.join('\n') + '\n')
    const elapsed = Date.now() - started
    expect(result.code).toBe(0)
    const answers = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(answers).toHaveLength(400)
    answers.forEach((answer, i) => {
      if (i % 50 === 7) expect(answer).toHaveProperty('error.code', 'unexpected-token')
      else expect(answer).toEqual({ value: i * i + i, grad: { x: 2 * i + 1, u: i }, notes: [] })
    })
    // Generous bound for a loaded CI machine; the issue's own bar is 10 s (measured: well under 1 s).
    expect(elapsed).toBeLessThan(10_000)
  })

  it("run FILE.py prints what python prints, and an error as a traceback ending in Python's line, exit 1", () => {
    const script = [
      'import torch',
      'x = torch.tensor(2.0, requires_grad = True)',
      'y = x ** 2',
      'y.backward()',
      'print("The dervative at x = 2: ", x.grad)',
      'y',
      'f = u * v + u ** 2',
      'print("never")',
    ].join('\n')
    const answer = run(['run', '-'], script)
    expect(answer.code).toBe(1)
    expect(answer.stdout).toBe('The dervative at x = 2:  tensor(4.)\n')
    expect(answer.stderr).toBe(
      [
        'Traceback (most recent call last):',
        '  File "<stdin>", line 7, in <module>',
        '    f = u * v + u ** 2',
        "NameError: name 'u' is not defined",
        '',
      ].join('\n'),
    )
    expect(run(['run', '-'], 'print(1 + 1)\n')).toEqual({ code: 0, stdout: '2\n', stderr: '' })
    expect(run(['run', 'no-such-file.py'])).toMatchObject({ code: 2, stdout: '' })
    expect(run(['run']).stderr).toMatch(/run needs a file/)
  })
})
