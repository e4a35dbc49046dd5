import type { Figure } from '../protocol/notebook'

/**
 * A notebook as the app holds it: cells in order, each with its source and, for code, what running it
 * printed. It is the in-memory side of Jupyter's nbformat 4 (./read.ts and ./write.ts translate), kept to
 * what the app shows: stdout/stderr streams, the echoed last value, display data (a figure's text and PNG)
 * and errors with their traceback.
 */

export type CellKind = 'code' | 'markdown' | 'raw'

export type IpynbOutput =
  /** print() and warnings: nbformat's `stream` output. */
  | { kind: 'stream'; name: 'stdout' | 'stderr'; text: string }
  /** The value a cell's last expression echoed, as Jupyter's `execute_result` (text/plain). */
  | { kind: 'result'; text: string }
  /**
   * A figure or other rich output: its text/plain, a PNG (base64) when there is one, and the figure's
   * data when the app drew it (./figure.ts).
   */
  | { kind: 'display'; text: string; png: string | null; figure: Figure | null }
  /** An exception: `ename: evalue`, and the traceback's lines (the last one is Python's). */
  | { kind: 'error'; ename: string; evalue: string; traceback: string[] }

export interface NotebookCell {
  /** nbformat 4.5's cell id: letters, digits, '-' and '_', 1 to 64 of them. */
  id: string
  kind: CellKind
  source: string
  /** `In [n]`: null for a code cell never run, and for every other kind. */
  executionCount: number | null
  /** Always empty for markdown and raw cells. */
  outputs: IpynbOutput[]
}

export interface NotebookDocument {
  cells: NotebookCell[]
}

export const CELL_ID = /^[a-zA-Z0-9_-]{1,64}$/
