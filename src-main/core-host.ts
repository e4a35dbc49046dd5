import type { Worker } from 'node:worker_threads'
import { WorkerClient, type Owner } from '../core/client'
import type { WorkerEvents, WorkerTransport } from '../core/client'

/**
 * The core in one `worker_threads` Worker, for the Electron main process: the shared worker client
 * (core/client: one request at a time, deadlines, supersession per window, crash recovery) over Node's
 * Worker. Only the transport is written here.
 */

export type { Owner }

export interface CoreHostOptions {
  /** Starts a worker; injected so tests can run a fixture worker that echoes, hangs or exits. */
  spawn: () => Worker
  /** How long one request may run in the worker. */
  deadlineMs?: number
}

/** A Node Worker as the client's transport. */
export function nodeWorkerTransport(worker: Worker, events: WorkerEvents): WorkerTransport {
  worker.on('message', (message: unknown) => events.message(message))
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

/** Requests carry the owner (the sending window's webContents id): a window's evaluates supersede each other. */
export class CoreHost extends WorkerClient {
  constructor(options: CoreHostOptions) {
    super({
      spawn: (events) => nodeWorkerTransport(options.spawn(), events),
      deadlineMs: options.deadlineMs,
      onSpawnError: (error) =>
        console.error('Calculus Lab: could not start the calculation worker', error),
    })
  }
}
