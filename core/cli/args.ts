/**
 * Command-line arguments, parsed into values or a usage error (exit code 2). Kept free of Node so the
 * rules can be tested directly.
 */
import { isVariableName } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'

export type ParsedArgs = { positionals: string[]; options: Map<string, string | true> }

export class UsageError extends Error {}

/** Options that take a value; every other `--name` is a flag. */
const VALUED = new Set([
  'at',
  'wrt',
  'from',
  'to',
  'out',
  'scale',
  'background',
  'samples',
  'timeout',
  // gradcheck's tolerances
  'eps',
  'atol',
  'rtol',
])

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const options = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=')
      const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq)
      if (options.has(name)) throw new UsageError(`--${name} is given twice.`)
      if (VALUED.has(name)) {
        const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value.`)
        options.set(name, value)
      } else {
        if (eq !== -1) throw new UsageError(`--${name} takes no value.`)
        options.set(name, true)
      }
    } else if (arg === '-h') {
      options.set('help', true)
    } else {
      positionals.push(arg)
    }
  }
  return { positionals, options }
}

/** A finite number as a person types it: `2`, `-1.5`, `1e-3`, `.5`. */
export function parseNumber(text: string, what: string): number {
  const value = text.trim() === '' ? NaN : Number(text)
  if (!Number.isFinite(value)) throw new UsageError(`${what}: '${text}' is not a finite number.`)
  return value
}

/** `x=2,u=1` → { x: 2, u: 1 }. */
export function parsePoint(text: string): Record<string, number> {
  const point: Record<string, number> = {}
  for (const part of text.split(',')) {
    const eq = part.indexOf('=')
    if (eq === -1) throw new UsageError(`--at: expected name=value, found '${part}'.`)
    const name = part.slice(0, eq).trim()
    if (!isVariableName(name))
      throw new UsageError(`--at: '${name}' is not a variable (one letter, not e).`)
    if (name in point) throw new UsageError(`--at: '${name}' is given twice.`)
    point[name] = parseNumber(part.slice(eq + 1), `--at ${name}`)
  }
  return point
}

export function assertKnownOptions(args: ParsedArgs, allowed: readonly string[]): void {
  for (const name of args.options.keys()) {
    if (!allowed.includes(name)) throw new UsageError(`Unknown option --${name}.`)
  }
}

/** --timeout in seconds (a fraction allowed) → milliseconds; LIMITS.cliDeadlineMs when not given. */
export function parseTimeout(args: ParsedArgs): number {
  const text = args.options.get('timeout')
  if (typeof text !== 'string') return LIMITS.cliDeadlineMs
  const seconds = text.trim() === '' ? NaN : Number(text)
  const most = LIMITS.cliMaxDeadlineMs / 1000
  if (!(seconds > 0 && seconds <= most)) {
    throw new UsageError(
      `--timeout: '${text}' is not a number of seconds above 0 and at most ${most}.`,
    )
  }
  return Math.max(1, Math.round(seconds * 1000))
}
