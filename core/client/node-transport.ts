import type { WorkerEvents, WorkerMessage, WorkerTransport } from './transport'

/**
 * The part of a node `worker_threads` Worker the transport uses, written structurally so that core stays
 * free of Node imports; the Electron main process (src-main/core-host.ts) and the CLI (core/cli/
 * core-client.ts) pass a real Worker.
 */
export interface NodeWorkerLike {
  on(event: 'message' | 'error' | 'exit', listener: (value: unknown) => void): unknown
  postMessage(message: WorkerMessage): void
  terminate(): Promise<unknown>
}

/** A Node Worker as the client's transport. */
export function nodeWorkerTransport(worker: NodeWorkerLike, events: WorkerEvents): WorkerTransport {
  worker.on('message', (message) => events.message(message))
  // 'error' (an uncaught exception, a script that cannot load) is always followed by 'exit'.
  worker.on('error', () => undefined)
  worker.on('exit', () => events.died())
  return {
    post: (message) => worker.postMessage(message),
    terminate: async () => {
      await worker.terminate()
    },
  }
}
