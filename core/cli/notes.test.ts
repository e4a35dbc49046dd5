import { describe, expect, it } from 'vitest'
import { runCli } from '../test-support/run-cli'

/** Convention notes through the real command: grad's JSON and text, batch lines. */
const run = (args: string[], input?: string) => runCli(args, { input })

describe('convention notes in the CLI', { timeout: 60_000 }, () => {
  it('grad --json gives the kink of abs at 0 with both one-sided derivatives', () => {
    const answer = JSON.parse(run(['grad', 'abs(x)', '--at', 'x=0', '--json']).stdout)
    expect(answer.grad).toEqual({ x: 0 })
    expect(answer.notes).toEqual([
      expect.objectContaining({
        code: 'kink',
        variable: 'x',
        op: 'abs',
        left: -1,
        right: 1,
        pytorch: 0,
      }),
    ])
    expect(answer.notes[0].message).toBe(
      "∂f/∂x = 0 is PyTorch's convention: abs has a corner at x = 0 (left −1, right 1).",
    )
  })

  it('grad --json encodes the infinite slope of sqrt at 0 as JSON can', () => {
    const answer = JSON.parse(run(['grad', 'sqrt(x)', '--at', 'x=0', '--json']).stdout)
    expect(answer.notes).toEqual([
      expect.objectContaining({ code: 'infinite-slope', left: 'NaN', right: 'Infinity' }),
    ])
  })

  it('grad prints the note under the numbers', () => {
    const { stdout, code } = run(['grad', 'log(x)', '--at', 'x=-1'])
    expect(code).toBe(0)
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      'f(x=-1) = nan',
      '∂f/∂x = -1',
      expect.stringMatching(
        /^note \(outside-domain, x\): f is NaN here \(log is defined for positive/,
      ),
    ])
  })

  it('batch lines carry notes, empty at an ordinary point', () => {
    const lines = run(
      ['batch'],
      '{"expr": "relu(x)", "at": {"x": 0}}\n{"expr": "x^2", "at": {"x": 0}}\n',
    )
      .stdout.trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    expect(lines[0].notes).toMatchObject([{ code: 'kink', variable: 'x', left: 0, right: 1 }])
    expect(lines[1].notes).toEqual([])
  })
})

describe('calculus-lab gradcheck', { timeout: 60_000 }, () => {
  it('fails relu at 0: finite differences 0.5 against autograd’s 0, exit 1', () => {
    const { code, stdout } = run(['gradcheck', 'relu(x)', '--at', 'x=0'])
    expect(code).toBe(1)
    expect(stdout).toContain('∂f/∂x: autograd 0, finite differences 0.5: FAIL')
    expect(stdout.trim().split('\n').at(-1)).toBe('gradcheck fails')
  })

  it('passes abs at 0, exit 0, and says a pass at a kink proves nothing', () => {
    const { code, stdout } = run(['gradcheck', 'abs(x)', '--at', 'x=0'])
    expect(code).toBe(0)
    expect(stdout).toContain('passing at a kink proves nothing')
  })

  it('takes gradcheck’s tolerances and prints JSON', () => {
    const answer = JSON.parse(
      run([
        'gradcheck',
        'x^3',
        '--at',
        'x=2',
        '--eps',
        '1e-2',
        '--atol',
        '0',
        '--rtol',
        '0',
        '--json',
      ]).stdout,
    )
    expect(answer).toMatchObject({ passes: false, eps: 0.01, atol: 0, rtol: 0 })
    expect(answer.entries[0]).toMatchObject({ variable: 'x', analytical: 12, passes: false })
  })

  it('refuses a tolerance that is not a number', () => {
    expect(run(['gradcheck', 'x', '--at', 'x=1', '--eps', 'tiny']).code).toBe(2)
  })
})
