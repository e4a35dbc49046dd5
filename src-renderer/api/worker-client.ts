import {
  WorkerClient,
  type WorkerEvents,
  type WorkerMessage,
  type WorkerTransport,
} from '../../core/client'
import type { CalculusApi } from '../../core/protocol/api'
import { LIMITS } from '../../core/protocol/limits'

/** The part of a Web Worker the client uses (a fake in tests). */
export interface WorkerPort {
  postMessage(message: WorkerMessage): void
  terminate(): void
  onmessage: ((event: MessageEvent) => void) | null
  onerror: ((event: Event) => void) | null
  onmessageerror: ((event: MessageEvent) => void) | null
}

/** A Web Worker as the shared client's transport. */
export function webWorkerTransport(worker: WorkerPort, events: WorkerEvents): WorkerTransport {
  worker.onmessage = (event) => events.message(event.data)
  // A Web Worker that errors may still be running: the client terminates it and starts a fresh one.
  worker.onerror = () => events.died()
  worker.onmessageerror = () => events.died()
  return {
    post: (message) => worker.postMessage(message),
    terminate: () => worker.terminate(),
  }
}

/**
 * The web build's way to the core: the shared worker client (core/client: one request at a time, the
 * deadline timed from when a request starts, a newer evaluate superseding a queued one, crash recovery)
 * over a Web Worker of this page. Nothing is ever thrown to the caller.
 */
export function createWorkerClient(
  spawn: () => WorkerPort,
  deadlineMs: number = LIMITS.requestDeadlineMs,
): CalculusApi & { dispose(): Promise<void> } {
  const client = new WorkerClient({
    spawn: (events) => webWorkerTransport(spawn(), events),
    deadlineMs,
  })
  return {
    evaluate: (request) => client.call('evaluate', request),
    analyze: (request) => client.call('analyze', request),
    graph: (request) => client.call('graph', request),
    runCell: (request) => client.call('runCell', request),
    restartNotebook: (request) => client.call('restartNotebook', request),
    notebookGraph: (request) => client.call('notebookGraph', request),
    dispose: () => client.shutdown(),
  }
}
