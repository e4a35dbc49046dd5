import { resolve } from 'node:path'
import type { WorkerClient } from '../client'
import { writeFileAtomically } from '../node/atomic-write'
import type { ParsedArgs } from './args'
import type { CliCoreApi } from './cli-api'
import { formatDiagnostic } from './diagnostics'
import { EXIT, exitCodeOf } from './exit'
import { parseGraphArgs } from './graph'
import { checkTarget } from './run-plot'

/** Builds (and draws) the graph in the CLI's worker, where --timeout can cut it; writes the answer. */
export async function runGraph(args: ParsedArgs, core: WorkerClient<CliCoreApi>): Promise<number> {
  const options = parseGraphArgs(args)
  const target = options.out === null ? null : resolve(options.out)
  if (target !== null) await checkTarget(target)
  const drawn = await core.call('graph', {
    graph: options.request,
    format: options.format,
    theme: options.theme,
  })
  if (!drawn.ok) {
    const expression = options.request.expression
    process.stderr.write(
      drawn.diagnostics.map((d) => formatDiagnostic(d, expression)).join('\n\n') + '\n',
    )
    return exitCodeOf(drawn.diagnostics)
  }
  const answer = drawn.value
  if (answer.kind === 'no-canvas') {
    process.stderr.write(
      `calculus-lab: graph needs the package @napi-rs/canvas to draw a PNG (npm install @napi-rs/canvas).\n` +
        `  ${answer.reason}\n`,
    )
    return EXIT.noCanvas
  }
  if (target === null || options.out === null) {
    process.stdout.write(answer.kind === 'text' ? answer.text : '')
    return EXIT.ok
  }
  const bytes = answer.kind === 'png' ? answer.bytes : new TextEncoder().encode(answer.text)
  await writeFileAtomically(target, bytes)
  const size = answer.kind === 'png' ? ` (${answer.width} × ${answer.height} pixels)` : ''
  process.stdout.write(`Wrote ${options.out}${size}\n`)
  return EXIT.ok
}
