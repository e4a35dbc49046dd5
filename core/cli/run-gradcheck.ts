import type { WorkerClient } from '../client'
import { GRADCHECK_DEFAULTS, type GradcheckEntry } from '../notes/gradcheck'
import type { Diagnostic } from '../protocol/diagnostics'
import type { Note } from '../protocol/notes'
import { assertKnownOptions, parseNumber, parsePoint, UsageError, type ParsedArgs } from './args'
import type { CliCoreApi } from './cli-api'
import { formatDiagnostic } from './diagnostics'
import { EXIT, exitCodeOf } from './exit'
import { encodeNote, encodeNumber } from './json'
import { formatNumber } from './text'

/** Six significant digits: a difference and its bound are read, not round-tripped. */
const short = (value: number) =>
  formatNumber(Number.isFinite(value) ? Number(value.toPrecision(6)) : value)
const exponent = (value: number) => value.toExponential().replace('e+', 'e')

function printDiagnostics(diagnostics: Diagnostic[], expression: string): void {
  process.stderr.write(diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n')
}

function tolerance(args: ParsedArgs, name: 'eps' | 'atol' | 'rtol'): number {
  const given = args.options.get(name)
  if (given === undefined) return GRADCHECK_DEFAULTS[name]
  if (typeof given !== 'string') throw new UsageError(`--${name} needs a number.`)
  const value = parseNumber(given, `--${name}`)
  if (!(value > 0 || (name !== 'eps' && value === 0))) {
    throw new UsageError(`--${name}: '${given}' must be ${name === 'eps' ? 'positive' : '≥ 0'}.`)
  }
  return value
}

/** Why a verdict at a kink says nothing about the derivative, or why a failure is expected there. */
function kinkWords(entry: GradcheckEntry, notes: readonly Note[]): string | null {
  const kink = notes.find((n) => n.variable === entry.variable && n.code === 'kink')
  if (!kink) return null
  const sides = `the one-sided derivatives are ${formatNumber(kink.left ?? NaN)} and ${formatNumber(kink.right ?? NaN)}`
  return entry.passes
    ? `  passing at a kink proves nothing: ${sides}, and central differences average the two sides, which here happens to match autograd's convention.`
    : `  expected at a kink: ${sides}; central differences average them, autograd returns its convention.`
}

/**
 * `gradcheck "<expr>" --at x=2 [--eps 1e-6 --atol 1e-5 --rtol 1e-3] [--json]`: per variable,
 * torch.autograd.gradcheck's comparison of autograd with central differences (core/notes/gradcheck.ts);
 * exit 0 when every variable passes, 1 when one does not.
 */
export async function runGradcheck(
  args: ParsedArgs,
  core: WorkerClient<CliCoreApi>,
): Promise<number> {
  assertKnownOptions(args, ['at', 'eps', 'atol', 'rtol', 'json', 'timeout'])
  const [expression, ...extra] = args.positionals
  if (expression === undefined) {
    throw new UsageError('gradcheck needs an expression: gradcheck "x^2" --at x=2')
  }
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument '${extra[0]}'. Quote the expression.`)
  const at = args.options.get('at')
  const point = typeof at === 'string' ? parsePoint(at) : {}
  const options = {
    eps: tolerance(args, 'eps'),
    atol: tolerance(args, 'atol'),
    rtol: tolerance(args, 'rtol'),
  }
  const result = await core.call('gradcheck', { expression, point, ...options })
  if (!result.ok) {
    printDiagnostics(result.diagnostics, expression)
    return exitCodeOf(result.diagnostics)
  }
  const { entries, notes } = result.value
  const passes = entries.every((entry) => entry.passes)
  if (args.options.has('json')) {
    const json = {
      passes,
      ...options,
      entries: entries.map((e) => ({
        variable: e.variable,
        analytical: encodeNumber(e.analytical),
        numerical: encodeNumber(e.numerical),
        passes: e.passes,
      })),
      notes: notes.map(encodeNote),
    }
    process.stdout.write(JSON.stringify(json) + '\n')
    return passes ? EXIT.ok : EXIT.expressionError
  }
  const where = Object.entries(point)
    .map(([name, value]) => `${name}=${formatNumber(value)}`)
    .join(', ')
  const lines = [
    `gradcheck at ${where} (eps=${exponent(options.eps)}, atol=${exponent(options.atol)}, rtol=${exponent(options.rtol)})`,
  ]
  for (const entry of entries) {
    const bound = options.atol + options.rtol * Math.abs(entry.numerical)
    const gap = Math.abs(entry.analytical - entry.numerical)
    lines.push(
      `∂f/∂${entry.variable}: autograd ${formatNumber(entry.analytical)}, finite differences ${short(entry.numerical)}: ` +
        (entry.passes
          ? `pass (|difference| ${short(gap)} ≤ atol + rtol·|fd| = ${short(bound)})`
          : `FAIL (|difference| ${short(gap)} > atol + rtol·|fd| = ${short(bound)})`),
    )
    const words = kinkWords(entry, notes)
    if (words) lines.push(words)
  }
  lines.push(passes ? 'gradcheck passes' : 'gradcheck fails')
  process.stdout.write(lines.join('\n') + '\n')
  return passes ? EXIT.ok : EXIT.expressionError
}
