/**
 * The little the worker client needs from a worker, whatever runs it: a node `worker_threads` Worker in
 * the Electron main process (src-main/core-host.ts), a Web Worker in the web build
 * (src-renderer/api/worker-client.ts), a fake in tests.
 */

/** One request on the wire: the core's WorkerRequest, or a request of another method table (the CLI's). */
export interface WorkerMessage {
  id: number
  method: string
  params: unknown
}

/** What the client hears from one worker. */
export interface WorkerEvents {
  /** A message the worker posted; untrusted, the client checks its shape. */
  message(data: unknown): void
  /**
   * The worker is dead or unusable: it exited, threw, failed to load, or could not read a message.
   * The client answers the running request 'worker-crashed' and starts a fresh worker for the next one.
   */
  died(): void
}

export interface WorkerTransport {
  /** Sends one request; may throw (a payload the structured clone refuses). */
  post(message: WorkerMessage): void
  /** Stops the worker. The client has stopped listening to it first, so its exit is no crash. */
  terminate(): void | Promise<void>
}

/** Starts a worker that reports to `events`; may throw (a worker that cannot be constructed). */
export type SpawnWorker = (events: WorkerEvents) => WorkerTransport

/** The timer functions every JavaScript runtime has; injected so tests can drive time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}
