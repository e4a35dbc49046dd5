import type { IpynbOutput } from '../../core/ipynb'
import type { CellOutput, CellSpan } from '../../core/protocol/notebook'

/**
 * What a cell shows under it: what the core printed when it ran here, or what a .ipynb carried. A file
 * from Jupyter may hold a PNG we did not draw (`image`); everything else is the core's own output type,
 * so a cell looks the same whether it ran now or was opened.
 */
export type ShownOutput = CellOutput | { type: 'image'; png: string; text: string }

/** What matplotlib's inline backend prints for a figure, as the text beside its PNG. */
export const FIGURE_TEXT = '<Figure size 640x480 with 1 Axes>'
const NOWHERE: CellSpan = { line: 1, column: 0, endLine: 1, endColumn: 0 }

/** A cell's outputs as nbformat's (a warning is stderr text, as Jupyter shows it). */
export function toIpynb(outputs: readonly ShownOutput[], png: (index: number) => string | null) {
  return outputs.map((out, index): IpynbOutput => {
    switch (out.type) {
      case 'stream':
        return { kind: 'stream', name: out.name, text: out.text }
      case 'execute_result':
        return { kind: 'result', text: out.text }
      case 'warning':
        return { kind: 'stream', name: 'stderr', text: out.text }
      case 'error':
        return { kind: 'error', ename: out.ename, evalue: out.evalue, traceback: out.traceback }
      case 'figure':
        return { kind: 'display', text: FIGURE_TEXT, png: png(index), figure: out.figure }
      case 'image':
        return { kind: 'display', text: out.text, png: out.png, figure: null }
    }
  })
}

/** A .ipynb cell's outputs as the app shows them; `count` is the cell's execution count. */
export function fromIpynb(outputs: readonly IpynbOutput[], count: number | null): ShownOutput[] {
  return outputs.map((out): ShownOutput => {
    switch (out.kind) {
      case 'stream':
        return { type: 'stream', name: out.name, text: out.text }
      case 'result':
        return { type: 'execute_result', executionCount: count ?? 0, text: out.text }
      case 'error':
        return {
          type: 'error',
          ename: out.ename,
          evalue: out.evalue,
          traceback: out.traceback,
          span: NOWHERE,
        }
      case 'display':
        if (out.figure !== null) return { type: 'figure', figure: out.figure }
        if (out.png !== null) return { type: 'image', png: out.png, text: out.text }
        return { type: 'stream', name: 'stdout', text: out.text }
    }
  })
}

/** Everything a cell printed to stdout, in order (what a practice answer is read from). */
export const printed = (outputs: readonly ShownOutput[]): string =>
  outputs.map((out) => (out.type === 'stream' && out.name === 'stdout' ? out.text : '')).join('')
