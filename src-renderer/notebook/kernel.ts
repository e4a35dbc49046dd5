import type { CalculusApi } from '../../core/protocol/api'
import { requestDiagnostic } from '../../core/protocol/diagnostics'
import type { NotebookApi } from '../../core/protocol/notebook'
import { fail } from '../../core/protocol/result'
import { calculusClient } from '../api/calculus'

/**
 * Where the notebook's cells run: the core (worker or main process), through the same client as
 * evaluate. Tests install a stand-in with setNotebookKernel.
 */
let kernel: NotebookApi | null = null

const unavailable = () =>
  Promise.resolve(
    fail(requestDiagnostic('internal', 'This build of Calculus Lab has no notebook engine.')),
  )

export function notebookKernel(): NotebookApi {
  if (kernel) return kernel
  const client: CalculusApi & Partial<NotebookApi> = calculusClient()
  return {
    runCell: client.runCell?.bind(client) ?? unavailable,
    restartNotebook: client.restartNotebook?.bind(client) ?? unavailable,
  }
}

export function setNotebookKernel(replacement: NotebookApi | null): void {
  kernel = replacement
}
