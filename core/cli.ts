#!/usr/bin/env node
/**
 * The command-line interface: the same core the app uses, for scripts and terminals. Node is touched here
 * and in core/cli/run-*.ts only; the rules live in core/cli/*.ts and are tested without a process.
 */
import { createInterface } from 'node:readline'
import { gradientAt } from './evaluate/service'
import { assertKnownOptions, parseArgs, parsePoint, UsageError, type ParsedArgs } from './cli/args'
import { answerBatchLine } from './cli/batch'
import { runPlot } from './cli/run-plot'
import { formatDiagnostic } from './cli/diagnostics'
import { HELP } from './cli/help'
import { encodeNumber, encodeNumbers } from './cli/json'
import { formatGradientText } from './cli/text'
import { reportedGradient } from './cli/gradient-report'
import packageJson from '../package.json' with { type: 'json' }

const EXIT_OK = 0
const EXIT_EXPRESSION_ERROR = 1
const EXIT_USAGE = 2

function runGrad(args: ParsedArgs): number {
  assertKnownOptions(args, ['at', 'json'])
  const [expression, ...extra] = args.positionals
  if (expression === undefined)
    throw new UsageError('grad needs an expression: grad "x^2" --at x=2')
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument '${extra[0]}'. Quote the expression.`)
  const at = args.options.get('at')
  const point = typeof at === 'string' ? parsePoint(at) : {}
  const result = gradientAt({ expression, point })
  if (!result.ok) {
    process.stderr.write(
      result.diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n',
    )
    return EXIT_EXPRESSION_ERROR
  }
  if (args.options.has('json')) {
    const grad = encodeNumbers(reportedGradient(result.value, point))
    process.stdout.write(JSON.stringify({ value: encodeNumber(result.value.value), grad }) + '\n')
  } else {
    process.stdout.write(formatGradientText(result.value, point) + '\n')
  }
  return EXIT_OK
}

async function runBatch(args: ParsedArgs): Promise<number> {
  assertKnownOptions(args, [])
  if (args.positionals.length > 0)
    throw new UsageError('batch reads its requests from standard input.')
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    const ok = process.stdout.write(answerBatchLine(line, gradientAt) + '\n')
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve))
  }
  return EXIT_OK
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv)
  const [command] = args.positionals
  if (args.options.has('version')) {
    process.stdout.write(`${packageJson.version}\n`)
    return EXIT_OK
  }
  if (args.options.has('help') || command === 'help' || command === undefined) {
    process.stdout.write(HELP)
    return command === undefined && !args.options.has('help') ? EXIT_USAGE : EXIT_OK
  }
  const rest = { ...args, positionals: args.positionals.slice(1) }
  switch (command) {
    case 'grad':
      return runGrad(rest)
    case 'batch':
      return runBatch(rest)
    case 'plot':
      return runPlot(rest)
    default:
      throw new UsageError(`Unknown command '${command}'. Commands: grad, batch, plot.`)
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`calculus-lab: ${error.message}\nRun 'calculus-lab --help' for usage.\n`)
      process.exitCode = EXIT_USAGE
    } else {
      process.stderr.write(`calculus-lab: internal error: ${String(error)}\n`)
      process.exitCode = 70
    }
  },
)
