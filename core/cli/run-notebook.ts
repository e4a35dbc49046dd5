import { readFileSync } from 'node:fs'
import { LIMITS } from '../protocol/limits'
import { createSession, runCell } from '../notebook'
import { UsageError, assertKnownOptions, type ParsedArgs } from './args'
import { EXIT } from './exit'
import { notebookScriptText } from './notebook-output'

/**
 * `calculus-lab run FILE.py` (or `-` for standard input): the file runs as one notebook cell in script
 * mode, as `python FILE.py` runs it: what it prints goes to stdout, warnings and the traceback of an error
 * to stderr, and an error exits 1. The step budget (LIMITS.notebook.stepBudget) bounds the run, so no
 * --timeout is needed.
 */
function readSource(path: string): string {
  try {
    return path === '-' ? readFileSync(0, 'utf8') : readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as { code?: string }).code
    throw new UsageError(
      code === 'ENOENT'
        ? `${path}: no such file.`
        : `${path} cannot be read (${code ?? String(error)}).`,
    )
  }
}

export function runNotebookScript(args: ParsedArgs): number {
  assertKnownOptions(args, [])
  const [path, ...extra] = args.positionals
  if (path === undefined)
    throw new UsageError('run needs a file: run lab.py (or - for standard input)')
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}'.`)
  const source = readSource(path)
  if (source.length > LIMITS.notebook.sourceLength)
    throw new UsageError(
      `${path} is ${source.length} characters long; the notebook runs at most ${LIMITS.notebook.sourceLength}.`,
    )
  const result = runCell(createSession(), source, {
    mode: 'script',
    fileName: path === '-' ? '<stdin>' : path,
  })
  const { stdout, stderr } = notebookScriptText(result.outputs)
  process.stdout.write(stdout)
  process.stderr.write(stderr)
  return result.status === 'ok' ? EXIT.ok : EXIT.expressionError
}
