import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import type { WorkerClient } from '../client'
import { analyze } from '../evaluate/service'
import { writeFileAtomically } from '../node/atomic-write'
import type { Diagnostic } from '../protocol/diagnostics'
import { UsageError, type ParsedArgs } from './args'
import type { CliCoreApi } from './cli-api'
import { formatDiagnostic } from './diagnostics'
import { EXIT, exitCodeOf } from './exit'
import { choosePlotted, parsePlotArgs, PLOT_SIZE, sessionOf } from './plot'

function printDiagnostics(diagnostics: Diagnostic[], expression: string): void {
  process.stderr.write(diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n')
}

/** The file's folder must exist and the name must not be a folder: checked before any drawing. */
export async function checkTarget(path: string): Promise<void> {
  const folder = dirname(path)
  const folderStat = await stat(folder).catch(() => null)
  if (!folderStat?.isDirectory())
    throw new UsageError(`--out: the folder '${folder}' does not exist.`)
  const existing = await stat(path).catch(() => null)
  if (existing?.isDirectory()) throw new UsageError(`--out: '${path}' is a folder.`)
}

/**
 * Checks the options and the function here (fast, bounded by the expression's length), then draws in
 * the CLI's worker, where --timeout can cut it.
 */
export async function runPlot(args: ParsedArgs, core: WorkerClient<CliCoreApi>): Promise<number> {
  const options = parsePlotArgs(args)
  const analysis = analyze({ expression: options.expression })
  if (!analysis.ok) {
    printDiagnostics(analysis.diagnostics, options.expression)
    return EXIT.expressionError
  }
  const wrt = choosePlotted(options, analysis.value.variables)
  const target = resolve(options.out)
  await checkTarget(target)
  const drawn = await core.call('plot', {
    session: sessionOf(options, wrt),
    size: PLOT_SIZE,
    scale: options.scale,
    background: options.background,
  })
  if (!drawn.ok) {
    printDiagnostics(drawn.diagnostics, options.expression)
    return exitCodeOf(drawn.diagnostics)
  }
  if (drawn.value.kind === 'no-canvas') {
    process.stderr.write(
      `calculus-lab: plot needs the package @napi-rs/canvas to draw (npm install @napi-rs/canvas).\n` +
        `  ${drawn.value.reason}\n`,
    )
    return EXIT.noCanvas
  }
  await writeFileAtomically(target, drawn.value.bytes)
  const { width, height } = PLOT_SIZE
  process.stdout.write(
    `Wrote ${options.out} (${width * options.scale} × ${height * options.scale} pixels)\n`,
  )
  return EXIT.ok
}
