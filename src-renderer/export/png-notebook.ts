import type { NotebookDocument } from '../../core/ipynb'

/** What the notebook holds, as far as replacing it is concerned: its cells' kinds and sources. */
type CellSource = { readonly kind: string; readonly source: string }

const sameSources = (a: readonly CellSource[], b: readonly CellSource[]) =>
  a.length === b.length &&
  a.every((cell, i) => cell.kind === b[i]?.kind && cell.source === b[i]?.source)

/**
 * Whether a PNG's notebook may replace the current one without asking: nothing the learner wrote would
 * be lost. That is so when the notebook is empty (or only blank cells), is still the starter notebook
 * (outputs can be made again by running it), or already has the same cells as the one opened.
 */
export function replacesNothing(
  current: readonly CellSource[],
  opened: NotebookDocument,
  starter: NotebookDocument,
): boolean {
  if (current.every((cell) => cell.source.trim() === '')) return true
  return sameSources(current, starter.cells) || sameSources(current, opened.cells)
}

/** The name the notebook view shows for a PNG's notebook, and an export of it suggests. */
export function notebookNameOf(pngName: string): string {
  const stem = pngName.replace(/\.png$/i, '')
  return `${stem === '' ? 'notebook' : stem}.ipynb`
}
