import { LIMITS } from '../protocol/limits'
import type {
  RestartNotebookRequest,
  RestartNotebookResult,
  RunCellRequest,
  RunCellResult,
} from '../protocol/notebook'
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
    })
  }

  restart(request: RestartNotebookRequest): RestartNotebookResult {
    this.sessions.delete(request.session)
    return { session: request.session }
  }
}
