import { NotebookSessions } from '../../core/notebook'
import type { NotebookApi } from '../../core/protocol/notebook'
import { ok } from '../../core/protocol/result'

/** The core's own interpreter in the test process: component tests see PyTorch's real text. */
export function inPageNotebookKernel(): NotebookApi {
  const sessions = new NotebookSessions()
  return {
    runCell: (request) => Promise.resolve(ok(sessions.run(request))),
    restartNotebook: (request) => Promise.resolve(ok(sessions.restart(request))),
    notebookGraph: (request) => Promise.resolve(sessions.graph(request)),
  }
}
