import type { NotebookApi } from '../../core/protocol/notebook'
import { calculusClient } from '../api/calculus'

/**
 * Where the notebook's cells run: the core (the web build's worker, or main's in the desktop app),
 * through the same client as evaluate. Tests install a stand-in with setNotebookKernel.
 */
let kernel: NotebookApi | null = null

export function notebookKernel(): NotebookApi {
  return kernel ?? calculusClient()
}

export function setNotebookKernel(replacement: NotebookApi | null): void {
  kernel = replacement
}
