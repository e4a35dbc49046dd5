import fc from 'fast-check'
import { handleMessage } from '../../../core/evaluate/serve'
import type { CellOutput, RunCellResult } from '../../../core/protocol/notebook'
import { notebookSource } from '../generators/notebook'
import { finding, preview, resultFindings, type Entry, type Finding } from '../harness'

/**
 * A notebook cell through the worker's port (validation, the session's namespace, lexer, parser,
 * interpreter, the engine): every source answers a RunCellResult whose outputs are well formed, whose
 * error (if any) is Python-shaped with a span inside the cell, and which no bug of ours produced (a
 * JavaScript TypeError surfacing as a RuntimeError is a crash).
 */
const fcMode = fc.constantFrom<'cell' | 'script'>('cell', 'script')

export interface NotebookInput {
  source: string
  mode: 'cell' | 'script'
}

const JS_BUG =
  /is not a function|Cannot read properties|is not iterable \(cannot read|undefined is not|Maximum call stack/

function outputFindings(outputs: CellOutput[], source: string): Finding[] {
  const lines = source.split('\n').length
  const findings: Finding[] = []
  for (const output of outputs) {
    if (output.type === 'error') {
      if (JS_BUG.test(output.evalue))
        findings.push(finding('crash', 'js-error', `${output.ename}: ${output.evalue}`))
      if (output.traceback.at(-1) !== `${output.ename}: ${output.evalue}`)
        findings.push(
          finding(
            'notResult',
            'traceback-last-line',
            'the traceback does not end with ename: evalue',
          ),
        )
      const { line, endLine, column } = output.span
      if (line < 1 || endLine < line || endLine > lines || column < 0)
        findings.push(
          finding('spanOutside', 'error-span', `error at line ${line}–${endLine} of ${lines}`),
        )
    } else if (output.type === 'stream' && typeof output.text !== 'string')
      findings.push(finding('notResult', 'stream-text', 'a stream without text'))
  }
  return findings
}

export const notebookSourceEntry: Entry<NotebookInput> = {
  name: 'notebook-source',
  covers: 'core/notebook lexer, parser, interpreter through the worker port (runCell)',
  arbitrary: () =>
    notebookSource.chain((source) => fcMode.map((mode): NotebookInput => ({ source, mode }))),
  check: ({ source, mode }) => {
    const answer = handleMessage({
      id: 1,
      method: 'runCell',
      params: { session: 'fuzz', source, mode },
    })
    if (!answer) return [finding('notResult', 'no-answer', 'runCell got no answer')]
    const shape = resultFindings(answer.result, source.length, 'runCell')
    if (shape.length > 0) return shape
    if (!answer.result.ok) return [finding('badAccepted', 'refused', 'a valid cell was refused')]
    const result = answer.result.value as RunCellResult
    const findings = outputFindings(result.outputs, source)
    const hasError = result.outputs.some((o) => o.type === 'error')
    if ((result.status === 'error') !== hasError)
      findings.push(
        finding(
          'notResult',
          'status',
          `status ${result.status} with${hasError ? '' : 'out'} an error`,
        ),
      )
    // The next input starts from an empty namespace, so an input replays alone.
    handleMessage({ id: 2, method: 'restartNotebook', params: { session: 'fuzz' } })
    return findings
  },
  describe: (input) => `${input.mode} ${preview(input.source)}`,
}
