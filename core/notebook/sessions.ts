import { LIMITS } from '../protocol/limits'
import type { Result } from '../protocol/result'
import type {
  NotebookGraphRequest,
  NotebookGraphResult,
  RestartNotebookRequest,
  RestartNotebookResult,
  RunCellRequest,
  RunCellResult,
} from '../protocol/notebook'
import { notebookGraph } from './graph'
import { createSession, runCell, type Session } from './run'

/**
 * The worker's notebook sessions: one namespace per session id, the least recently used dropped past
 * LIMITS.notebook.sessions. Restart replaces a session's namespace with an empty one.
 */
export class NotebookSessions {
  private readonly sessions = new Map<string, Session>()

  private session(id: string): Session {
    let session = this.sessions.get(id)
    if (session) this.sessions.delete(id)
    else session = createSession()
    this.sessions.set(id, session)
    while (this.sessions.size > LIMITS.notebook.sessions) {
      const oldest = this.sessions.keys().next().value as string
      this.sessions.delete(oldest)
    }
    return session
  }

  run(request: RunCellRequest): RunCellResult {
    return runCell(this.session(request.session), request.source, {
      mode: request.mode ?? 'cell',
      ...(request.mode === 'script' ? { fileName: request.cellId ?? '<stdin>' } : {}),
      ...(request.cellId !== undefined ? { cellId: request.cellId } : {}),
    })
  }

  /** The graph of a tensor in a session's namespace; a session never run has none, so a NameError. */
  graph(request: NotebookGraphRequest): Result<NotebookGraphResult> {
    // Asking does not make a session (nor push another out of the most recently used).
    return notebookGraph(this.sessions.get(request.session) ?? createSession(), request)
  }

  restart(request: RestartNotebookRequest): RestartNotebookResult {
    this.sessions.delete(request.session)
    return { session: request.session }
  }
}
