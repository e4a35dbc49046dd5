#!/usr/bin/env node
/**
 * The command-line interface: the same core the app uses, for scripts and terminals. Node is touched here
 * and in core/cli/run-*.ts and core/cli/core-*.ts only; the rules live in core/cli/*.ts and are tested
 * without a process. The computations run in a worker (this same file, started with CLI_CORE_WORKER) so
 * that --timeout can cut them.
 */
import { createInterface } from 'node:readline'
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { WorkerClient } from './client'
import type { Diagnostic } from './protocol/diagnostics'
import {
  assertKnownOptions,
  parseArgs,
  parsePoint,
  parseTimeout,
  UsageError,
  type ParsedArgs,
} from './cli/args'
import { answerBatchLine } from './cli/batch'
import { CLI_CORE_WORKER, type CliCoreApi } from './cli/cli-api'
import { startCliCore } from './cli/core-client'
import { serveCliCore } from './cli/core-worker'
import { exitCodeOf, EXIT } from './cli/exit'
import { runPlot } from './cli/run-plot'
import { runGraph } from './cli/run-graph'
import { runNotebookScript } from './cli/run-notebook'
import { runGradcheck } from './cli/run-gradcheck'
import { formatDiagnostic } from './cli/diagnostics'
import { HELP } from './cli/help'
import { encodeNote, encodeNumber, encodeNumbers } from './cli/json'
import { formatGradientText } from './cli/text'
import { reportedGradient } from './cli/gradient-report'
import packageJson from '../package.json' with { type: 'json' }

type CliCore = WorkerClient<CliCoreApi>

function printDiagnostics(diagnostics: Diagnostic[], expression: string): void {
  process.stderr.write(diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n')
}

async function runGrad(args: ParsedArgs, core: CliCore): Promise<number> {
  assertKnownOptions(args, ['at', 'json', 'timeout'])
  const [expression, ...extra] = args.positionals
  if (expression === undefined)
    throw new UsageError('grad needs an expression: grad "x^2" --at x=2')
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument '${extra[0]}'. Quote the expression.`)
  const at = args.options.get('at')
  const point = typeof at === 'string' ? parsePoint(at) : {}
  const result = await core.call('gradient', { expression, point })
  if (!result.ok) {
    printDiagnostics(result.diagnostics, expression)
    return exitCodeOf(result.diagnostics)
  }
  if (args.options.has('json')) {
    const grad = encodeNumbers(reportedGradient(result.value, point))
    const notes = result.value.notes.map(encodeNote)
    process.stdout.write(
      JSON.stringify({ value: encodeNumber(result.value.value), grad, notes }) + '\n',
    )
  } else {
    process.stdout.write(formatGradientText(result.value, point) + '\n')
  }
  return EXIT.ok
}

async function runBatch(args: ParsedArgs, core: CliCore): Promise<number> {
  assertKnownOptions(args, ['timeout'])
  if (args.positionals.length > 0)
    throw new UsageError('batch reads its requests from standard input.')
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    const answer = await answerBatchLine(line, (request) => core.call('gradient', request))
    const ok = process.stdout.write(answer + '\n')
    if (!ok) await new Promise((resolve) => process.stdout.once('drain', resolve))
  }
  return EXIT.ok
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv)
  const [command] = args.positionals
  if (args.options.has('version')) {
    process.stdout.write(`${packageJson.version}\n`)
    return EXIT.ok
  }
  if (args.options.has('help') || command === 'help' || command === undefined) {
    process.stdout.write(HELP)
    return command === undefined && !args.options.has('help') ? EXIT.usage : EXIT.ok
  }
  const rest = { ...args, positionals: args.positionals.slice(1) }
  // A notebook script is bounded by its step budget, not a deadline: it runs here, without the worker.
  if (command === 'run') return runNotebookScript(rest)
  const commands = {
    grad: runGrad,
    batch: runBatch,
    plot: runPlot,
    graph: runGraph,
    gradcheck: runGradcheck,
  }
  const run = commands[command as keyof typeof commands]
  if (run === undefined) {
    throw new UsageError(
      `Unknown command '${command}'. Commands: grad, batch, plot, graph, gradcheck, run.`,
    )
  }
  const core = startCliCore(new URL(import.meta.url), parseTimeout(rest))
  try {
    return await run(rest, core)
  } finally {
    await core.shutdown()
  }
}

if (!isMainThread && workerData === CLI_CORE_WORKER && parentPort) {
  serveCliCore(parentPort)
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(
          `calculus-lab: ${error.message}\nRun 'calculus-lab --help' for usage.\n`,
        )
        process.exitCode = EXIT.usage
      } else {
        process.stderr.write(`calculus-lab: internal error: ${String(error)}\n`)
        process.exitCode = EXIT.internal
      }
    },
  )
}
