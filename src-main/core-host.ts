import type { Worker } from 'node:worker_threads'
import { nodeWorkerTransport, WorkerClient, type Owner } from '../core/client'

/**
 * The core in one `worker_threads` Worker, for the Electron main process: the shared worker client
 * (core/client: one request at a time, deadlines, supersession per window, crash recovery) over Node's
 * Worker. Requests carry the owner, the sending window's webContents id.
 */

export type { Owner }

export interface CoreHostOptions {
  /** Starts a worker; injected so tests can run a fixture worker that echoes, hangs or exits. */
  spawn: () => Worker
  /** How long one request may run in the worker. */
  deadlineMs?: number
}

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
