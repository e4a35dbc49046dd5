import { describe, expect, it } from 'vitest'
import {
  assertKnownOptions,
  parseArgs,
  parseNumber,
  parsePoint,
  parseTimeout,
  UsageError,
} from './args'

describe('parseArgs', () => {
  it('separates positionals, valued options and flags', () => {
    const args = parseArgs(['grad', 'x^2', '--at', 'x=2', '--json'])
    expect(args.positionals).toEqual(['grad', 'x^2'])
    expect([...args.options]).toEqual([
      ['at', 'x=2'],
      ['json', true],
    ])
  })

  it('accepts --name=value and keeps arguments after -- as positionals', () => {
    const args = parseArgs(['grad', '--at=x=2', '--', '-x^2'])
    expect(args.options.get('at')).toBe('x=2')
    expect(args.positionals).toEqual(['grad', '-x^2'])
  })

  it.each([
    [['--at'], '--at needs a value.'],
    [['--at='], '--at needs a value.'],
    [['--json=yes'], '--json takes no value.'],
    [['--at', 'x=1', '--at', 'x=2'], '--at is given twice.'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(new UsageError(message))
  })
})

describe('parsePoint', () => {
  it('reads comma-separated name=value pairs', () => {
    expect(parsePoint('x=2,u=-1.5, v=1e-3')).toEqual({ x: 2, u: -1.5, v: 0.001 })
  })

  it.each([
    ['x', "--at: expected name=value, found 'x'."],
    ['xy=2', "--at: 'xy' is not a variable (one letter, not e)."],
    ['e=2', "--at: 'e' is not a variable (one letter, not e)."],
    ['x=2,x=3', "--at: 'x' is given twice."],
    ['x=abc', "--at x: 'abc' is not a finite number."],
    ['x=', "--at x: '' is not a finite number."],
    ['x=Infinity', "--at x: 'Infinity' is not a finite number."],
  ])('refuses %s', (text, message) => {
    expect(() => parsePoint(text)).toThrow(new UsageError(message))
  })
})

describe('parseNumber and assertKnownOptions', () => {
  it('parses finite numbers only', () => {
    expect(parseNumber('.5', 'n')).toBe(0.5)
    expect(() => parseNumber('NaN', 'n')).toThrow(UsageError)
  })

  it('refuses options a command does not know', () => {
    expect(() => assertKnownOptions(parseArgs(['--wat']), ['at'])).toThrow('Unknown option --wat.')
  })
})

describe('parseTimeout', () => {
  it('reads seconds, fractions included, and defaults to LIMITS.cliDeadlineMs (30 s)', () => {
    expect(parseTimeout(parseArgs(['grad', 'x']))).toBe(30_000)
    expect(parseTimeout(parseArgs(['grad', 'x', '--timeout', '0.5']))).toBe(500)
    expect(parseTimeout(parseArgs(['grad', 'x', '--timeout=3600']))).toBe(3_600_000)
  })

  it.each(['0', '-1', 'soon', '3601', 'Infinity', ' '])('refuses --timeout %j', (text) => {
    expect(() => parseTimeout(parseArgs(['grad', 'x', `--timeout=${text}`]))).toThrow(UsageError)
  })
})
