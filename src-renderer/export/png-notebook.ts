import type { NotebookDocument } from '../../core/ipynb'

/** What the notebook holds, as far as replacing it is concerned: its cells' kinds and sources. */
type CellSource = { readonly kind: string; readonly source: string }

const sameSources = (a: readonly CellSource[], b: readonly CellSource[]) =>
  a.length === b.length &&
  a.every((cell, i) => cell.kind === b[i]?.kind && cell.source === b[i]?.source)

/** What Open… does with the notebook a PNG carries. */
export type NotebookAction = 'keep' | 'replace' | 'offer'

/**
 * `keep` when the current notebook already has the same cells (nothing to restore, and its running
 * namespace stays); `replace` when nothing the learner wrote would be lost: the notebook is empty (or
 * only blank cells) or still the starter notebook (its outputs come back by running it); otherwise
 * `offer`: the learner's cells stay until they choose the PNG's.
 */
export function notebookAction(
  current: readonly CellSource[],
  opened: NotebookDocument,
  starter: NotebookDocument,
): NotebookAction {
  if (sameSources(current, opened.cells)) return 'keep'
  if (current.every((cell) => cell.source.trim() === '')) return 'replace'
  return sameSources(current, starter.cells) ? 'replace' : 'offer'
}

/** The name the notebook view shows for a PNG's notebook, and an export of it suggests. */
export function notebookNameOf(pngName: string): string {
  const stem = pngName.replace(/\.png$/i, '')
  return `${stem === '' ? 'notebook' : stem}.ipynb`
}
