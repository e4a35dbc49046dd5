import { figureJson, FIGURE_MIME } from './figure'
import type { IpynbOutput, NotebookCell, NotebookDocument } from './notebook'

/**
 * Writes a notebook as Jupyter itself does (nbformat 4.5): sources and texts as lists of lines that keep
 * their '\n', one-space indentation, keys in a fixed order and a final newline, so a file we write opens
 * in Jupyter and diffs cleanly against one Jupyter saved.
 */

/** nbformat's multiline string as Jupyter writes it: every line but the last keeps its newline. */
export function lines(text: string): string[] {
  if (text === '') return []
  const parts = text.split('\n')
  const out = parts.map((line, i) => (i < parts.length - 1 ? `${line}\n` : line))
  return out[out.length - 1] === '' ? out.slice(0, -1) : out
}

function output(out: IpynbOutput, executionCount: number | null): Record<string, unknown> {
  switch (out.kind) {
    case 'stream':
      return { name: out.name, output_type: 'stream', text: lines(out.text) }
    case 'result':
      return {
        data: { 'text/plain': lines(out.text) },
        execution_count: executionCount,
        metadata: {},
        output_type: 'execute_result',
      }
    case 'display': {
      const data: Record<string, unknown> = {}
      if (out.figure !== null) data[FIGURE_MIME] = figureJson(out.figure)
      if (out.png !== null) data['image/png'] = out.png
      data['text/plain'] = lines(out.text)
      return { data, metadata: {}, output_type: 'display_data' }
    }
    case 'error':
      return {
        ename: out.ename,
        evalue: out.evalue,
        output_type: 'error',
        traceback: out.traceback,
      }
  }
}

function cell(c: NotebookCell): Record<string, unknown> {
  if (c.kind !== 'code')
    return { cell_type: c.kind, id: c.id, metadata: {}, source: lines(c.source) }
  return {
    cell_type: 'code',
    execution_count: c.executionCount,
    id: c.id,
    metadata: {},
    outputs: c.outputs.map((out) => output(out, c.executionCount)),
    source: lines(c.source),
  }
}

/** The notebook as nbformat's JSON object (what writeNotebook prints). */
export function notebookJson(notebook: NotebookDocument): Record<string, unknown> {
  return {
    cells: notebook.cells.map(cell),
    metadata: {
      kernelspec: { display_name: 'Python 3', language: 'python', name: 'python3' },
      language_info: { name: 'python', pygments_lexer: 'ipython3' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  }
}

export function writeNotebook(notebook: NotebookDocument): string {
  return `${JSON.stringify(notebookJson(notebook), null, 1)}\n`
}
