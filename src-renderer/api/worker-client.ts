import type {
  CalculusApi,
  CoreMethod,
  RequestOf,
  ResponseOf,
  WorkerRequest,
  WorkerResponse,
} from '../../core/protocol/api'
import { MESSAGES, requestDiagnostic } from '../../core/protocol/diagnostics'
import { LIMITS } from '../../core/protocol/limits'
import { fail, type Result } from '../../core/protocol/result'

/** The part of a Web Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(message: WorkerRequest): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: Event) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
}

interface Pending {
  resolve(result: Result<unknown>): void
  timer: ReturnType<typeof setTimeout>
}

function isResponse(data: unknown): data is WorkerResponse {
  if (typeof data !== 'object' || data === null) return false
  const { id, result } = data as Partial<WorkerResponse>
  return typeof id === 'number' && typeof result === 'object' && result !== null && 'ok' in result
}

/**
 * Speaks the core's message protocol with a worker: every request carries an id and is answered by the
 * response with that id. A worker that errors, or a request past its deadline, costs the worker its life: it is
 * terminated, every pending request is answered with a diagnostic, and the next request starts a fresh one.
 * Nothing is ever thrown to the caller.
 */
export function createWorkerClient(
  spawn: () => WorkerPort,
  deadlineMs: number = LIMITS.requestDeadlineMs,
): CalculusApi & { dispose(): void } {
  let worker: WorkerPort | null = null
  let nextId = 1
  const pending = new Map<number, Pending>()

  function settle(id: number, result: Result<unknown>) {
    const entry = pending.get(id)
    if (!entry) return
    pending.delete(id)
    clearTimeout(entry.timer)
    entry.resolve(result)
  }

  function retire(result: Result<unknown>) {
    worker?.terminate()
    worker = null
    for (const id of [...pending.keys()]) settle(id, result)
  }

  function ensureWorker(): WorkerPort {
    if (worker) return worker
    const fresh = spawn()
    fresh.onmessage = (event) => {
      if (isResponse(event.data)) settle(event.data.id, event.data.result)
    }
    const crashed = () =>
      retire(fail(requestDiagnostic('worker-crashed', MESSAGES.workerCrashed())))
    fresh.onerror = crashed
    fresh.onmessageerror = crashed
    worker = fresh
    return fresh
  }

  function call<M extends CoreMethod>(method: M, params: RequestOf<M>): Promise<ResponseOf<M>> {
    return new Promise((resolve) => {
      const id = nextId++
      const timer = setTimeout(
        () => retire(fail(requestDiagnostic('timeout', MESSAGES.timeout(deadlineMs)))),
        deadlineMs,
      )
      pending.set(id, { resolve: resolve as (result: Result<unknown>) => void, timer })
      try {
        ensureWorker().postMessage({ id, method, params } as WorkerRequest)
      } catch (error) {
        settle(id, fail(requestDiagnostic('internal', MESSAGES.internal(String(error)))))
      }
    })
  }

  return {
    evaluate: (request) => call('evaluate', request),
    analyze: (request) => call('analyze', request),
    dispose: () => retire(fail(requestDiagnostic('cancelled', MESSAGES.cancelled()))),
  }
}
