import type { CalculusApi } from '../../core/protocol/api'
import { NotebookSessions } from '../../core/notebook'
import type { NotebookApi } from '../../core/protocol/notebook'
import { ok } from '../../core/protocol/result'
import { calculusClient } from '../api/calculus'

/**
 * Where the notebook's cells run: the core (worker or main process), through the same client as
 * evaluate, once the client carries the notebook's methods. Until then (a client without them) the
 * cells run in this page on the core's own interpreter, which its step budget keeps bounded (a cell
 * stops with StepLimitError within about 0.2 s). Tests install a stand-in with setNotebookKernel.
 */
let kernel: NotebookApi | null = null
let inPage: NotebookApi | null = null

function inPageKernel(): NotebookApi {
  if (inPage) return inPage
  const sessions = new NotebookSessions()
  inPage = {
    runCell: (request) => Promise.resolve(ok(sessions.run(request))),
    restartNotebook: (request) => Promise.resolve(ok(sessions.restart(request))),
  }
  return inPage
}

export function notebookKernel(): NotebookApi {
  if (kernel) return kernel
  const client: CalculusApi & Partial<NotebookApi> = calculusClient()
  if (!client.runCell || !client.restartNotebook) return inPageKernel()
  return {
    runCell: client.runCell.bind(client),
    restartNotebook: client.restartNotebook.bind(client),
  }
}

export function setNotebookKernel(replacement: NotebookApi | null): void {
  kernel = replacement
}

/** The interpreter in this page, for tests that want PyTorch's real output. */
export const inPageNotebookKernel = inPageKernel
