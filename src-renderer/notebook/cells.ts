import type { CellKind, NotebookDocument } from '../../core/ipynb'
import { CELL_ID } from '../../core/ipynb'
import { fromIpynb, toIpynb, type ShownOutput } from './outputs'

/** A cell as the notebook store holds it. */
export interface NotebookCellState {
  id: string
  kind: CellKind
  source: string
  /** `In [n]`; null before the cell ran. */
  executionCount: number | null
  outputs: ShownOutput[]
}

let counter = 0
/** A fresh cell id (nbformat 4.5: letters, digits, '-', '_'), unique among `taken`. */
export function newCellId(taken: ReadonlySet<string>): string {
  let id: string
  do id = `c${Date.now().toString(36)}${(counter++).toString(36)}`
  while (taken.has(id) || !CELL_ID.test(id))
  return id
}

export function cellsFromDocument(document: NotebookDocument): NotebookCellState[] {
  return document.cells.map((cell) => ({
    id: cell.id,
    kind: cell.kind,
    source: cell.source,
    executionCount: cell.executionCount,
    outputs: fromIpynb(cell.outputs, cell.executionCount),
  }))
}

/**
 * The cells as a notebook document; `png(cellId, index)` gives a drawn figure's PNG (base64) when there
 * is one to include (an export), null when not (the saved state, which redraws from the data).
 */
export function documentOfCells(
  cells: readonly NotebookCellState[],
  png: (cellId: string, index: number) => string | null = () => null,
): NotebookDocument {
  return {
    cells: cells.map((cell) => ({
      id: cell.id,
      kind: cell.kind,
      source: cell.source,
      executionCount: cell.kind === 'code' ? cell.executionCount : null,
      outputs: cell.kind === 'code' ? toIpynb(cell.outputs, (index) => png(cell.id, index)) : [],
    })),
  }
}
