import { CORE_METHODS, type CoreMethod, type WorkerResponse } from '../protocol/api'
import { MESSAGES, requestDiagnostic } from '../protocol/diagnostics'
import { fail, ok, type Result } from '../protocol/result'
import {
  validateAnalyzeRequest,
  validateEvaluateRequest,
  validateGraphRequest,
  validateNotebookGraphRequest,
  validateRestartNotebookRequest,
  validateRunCellRequest,
} from '../protocol/validate'
import { buildGraph } from '../graph/build'
import { NotebookSessions } from '../notebook'
import { analyze, evaluate } from './service'

/**
 * Serves the core's API over a message port: a node `worker_threads` parentPort or a Web Worker's `self`.
 * Every message is untrusted: its shape and its params are checked; every answer is a Result, never a throw.
 */

/** The two calls any port offers, whatever its runtime. */
export interface PortEndpoint {
  post(message: WorkerResponse, transfer: ArrayBuffer[]): void
  listen(handler: (message: unknown) => void): void
}

type Handler = (params: unknown) => Result<unknown>

/** The worker's notebook namespaces: they live as long as the worker (a replaced worker starts empty). */
const notebooks = new NotebookSessions()

const HANDLERS: Record<CoreMethod, Handler> = {
  evaluate: (params) => {
    const request = validateEvaluateRequest(params)
    return request.ok ? evaluate(request.value) : request
  },
  analyze: (params) => {
    const request = validateAnalyzeRequest(params)
    return request.ok ? analyze(request.value) : request
  },
  graph: (params) => {
    const request = validateGraphRequest(params)
    return request.ok ? buildGraph(request.value) : request
  },
  runCell: (params) => {
    const request = validateRunCellRequest(params)
    return request.ok ? ok(notebooks.run(request.value)) : request
  },
  restartNotebook: (params) => {
    const request = validateRestartNotebookRequest(params)
    return request.ok ? ok(notebooks.restart(request.value)) : request
  },
  notebookGraph: (params) => {
    const request = validateNotebookGraphRequest(params)
    return request.ok ? notebooks.graph(request.value) : request
  },
}

function isCoreMethod(value: unknown): value is CoreMethod {
  return typeof value === 'string' && (CORE_METHODS as readonly string[]).includes(value)
}

/**
 * The message's three fields, or null when it is not an object or reading it throws (a Proxy or a
 * getter from an in-process caller; a real port delivers only structured clones).
 */
function readEnvelope(message: unknown): { id: unknown; method: unknown; params: unknown } | null {
  if (typeof message !== 'object' || message === null) return null
  try {
    const { id, method, params } = message as { id?: unknown; method?: unknown; params?: unknown }
    return { id, method, params }
  } catch {
    return null
  }
}

/** Answers one message; exported so tests can serve the core in process, without a worker. */
export function handleMessage(message: unknown): WorkerResponse | null {
  const envelope = readEnvelope(message)
  if (!envelope) return null
  const { id, method, params } = envelope
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) return null
  if (!isCoreMethod(method)) {
    const name = typeof method === 'string' ? method.slice(0, 40) : typeof method
    return {
      id,
      result: fail(
        requestDiagnostic(
          'invalid-request',
          MESSAGES.invalidRequest('method', `'${name}' is unknown`),
        ),
      ),
    }
  }
  try {
    return { id, result: HANDLERS[method](params) }
  } catch (error) {
    // A bug in the core must not take the port down: answer with a value, keep serving.
    const what = error instanceof Error ? error.message : String(error)
    return { id, result: fail(requestDiagnostic('internal', MESSAGES.internal(what))) }
  }
}

/** The series' buffers are transferred, not copied: at 200,000 samples that is 4.8 MB per answer. */
function transferables(response: WorkerResponse): ArrayBuffer[] {
  const result = response.result
  if (!result.ok) return []
  const series = (result.value as { series?: Record<string, unknown> }).series
  if (!series) return []
  const buffers: ArrayBuffer[] = []
  for (const array of Object.values(series)) {
    if (array instanceof Float64Array && array.buffer instanceof ArrayBuffer)
      buffers.push(array.buffer)
  }
  return buffers
}

export function serve(endpoint: PortEndpoint): void {
  endpoint.listen((message) => {
    const response = handleMessage(message)
    if (response) endpoint.post(response, transferables(response))
  })
}
