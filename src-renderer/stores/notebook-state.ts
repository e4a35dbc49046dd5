import { notebookFromJson, notebookJson, type NotebookDocument } from '../../core/ipynb'
import { definePersisted } from './persisted'

/**
 * The notebook's saved state: the cells in nbformat's own JSON (so saved state is read by the same
 * bounded reader as a .ipynb file) and whether the notebook view was on screen.
 */
export const NOTEBOOK_STATE_VERSION = 1
export const NOTEBOOK_STATE_KEY = 'calculus-lab:notebook'

export interface NotebookState {
  open: boolean
  document: NotebookDocument
}

export const savedNotebook = definePersisted<{ open: boolean; notebook: unknown }>({
  key: NOTEBOOK_STATE_KEY,
  version: NOTEBOOK_STATE_VERSION,
  subject: 'the saved notebook',
  plural: 'notebooks',
  guard: ({ open, notebook }) => {
    if (typeof open !== 'boolean') return null
    const read = notebookFromJson(notebook)
    return read.ok ? { open, notebook: read.value } : null
  },
})

/** What is written: the nbformat JSON of the cells. */
export const stateRecord = (state: NotebookState) => ({
  open: state.open,
  notebook: notebookJson(state.document),
})
