import { stat } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { analyze } from '../evaluate/service'
import { writeFileAtomically } from '../node/atomic-write'
import type { Diagnostic } from '../protocol/diagnostics'
import { UsageError, type ParsedArgs } from './args'
import { formatDiagnostic } from './diagnostics'
import { choosePlotted, parsePlotArgs, PLOT_SIZE, sessionOf } from './plot'
import type * as PlotRender from './plot-render'

const EXIT_OK = 0
const EXIT_EXPRESSION_ERROR = 1
const EXIT_NO_CANVAS = 3

function printDiagnostics(diagnostics: Diagnostic[], expression: string): void {
  process.stderr.write(diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n')
}

/** The file's folder must exist and the name must not be a folder: checked before any drawing. */
async function checkTarget(path: string): Promise<void> {
  const folder = dirname(path)
  const folderStat = await stat(folder).catch(() => null)
  if (!folderStat?.isDirectory())
    throw new UsageError(`--out: the folder '${folder}' does not exist.`)
  const existing = await stat(path).catch(() => null)
  if (existing?.isDirectory()) throw new UsageError(`--out: '${path}' is a folder.`)
}

export async function runPlot(args: ParsedArgs): Promise<number> {
  const options = parsePlotArgs(args)
  const analysis = analyze({ expression: options.expression })
  if (!analysis.ok) {
    printDiagnostics(analysis.diagnostics, options.expression)
    return EXIT_EXPRESSION_ERROR
  }
  const wrt = choosePlotted(options, analysis.value.variables)
  const target = resolve(options.out)
  await checkTarget(target)
  let renderer: typeof PlotRender
  try {
    renderer = await import('./plot-render')
  } catch (error) {
    // The canvas is a native package: present in development, optional where the CLI is installed.
    process.stderr.write(
      `calculus-lab: plot needs the package @napi-rs/canvas to draw (npm install @napi-rs/canvas).\n` +
        `  ${String(error)}\n`,
    )
    return EXIT_NO_CANVAS
  }
  const { renderPlotPng } = renderer
  const png = await renderPlotPng({
    session: sessionOf(options, wrt),
    size: PLOT_SIZE,
    scale: options.scale,
    background: options.background,
  })
  if (!png.ok) {
    printDiagnostics(png.diagnostics, options.expression)
    return EXIT_EXPRESSION_ERROR
  }
  await writeFileAtomically(target, png.value)
  const { width, height } = PLOT_SIZE
  process.stdout.write(
    `Wrote ${options.out} (${width * options.scale} × ${height * options.scale} pixels)\n`,
  )
  return EXIT_OK
}
