import type { Worker } from 'node:worker_threads'
import type { CoreMethod, RequestOf, ResponseOf, WorkerRequest } from '../core/protocol/api'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../core/protocol/diagnostics'
import { LIMITS } from '../core/protocol/limits'
import { fail, type Result } from '../core/protocol/result'

/**
 * Runs the core in one `worker_threads` Worker and matches answers to questions by id. The worker does one
 * request at a time and the rest wait here, not in the worker's port, so that:
 * - a newer evaluate from a window replaces that window's evaluate still waiting (answered 'cancelled'),
 *   which keeps a fast slider drag from building a backlog;
 * - a request past its deadline can be cut by terminating the worker (a busy loop cannot be interrupted
 *   any other way) and answered 'timeout'; the next request gets a fresh worker;
 * - a worker that dies answers its request 'worker-crashed' and is replaced for the next one.
 */

export interface CoreHostOptions {
  /** Starts a worker; injected so tests can run a fixture worker that echoes, hangs or exits. */
  spawn: () => Worker
  /** How long one request may run in the worker. */
  deadlineMs?: number
}

/** Who asked: requests from the same owner (a window's webContents id) supersede each other. */
export type Owner = number

interface Job {
  id: number
  method: CoreMethod
  params: unknown
  owner: Owner
  settle: (result: Result<unknown>) => void
}

interface Running {
  job: Job
  timer: ReturnType<typeof setTimeout>
}

const diagnosticResult = (diagnostic: Diagnostic): Result<never> => fail(diagnostic)

/** Requests still open when the app quits; nobody will read them, but every promise settles. */
const closingResult = () => diagnosticResult(requestDiagnostic('cancelled', MESSAGES.appClosing()))

export class CoreHost {
  readonly deadlineMs: number
  private readonly spawn: () => Worker
  private worker: Worker | null = null
  private running: Running | null = null
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false
  /** How many workers were started: lets tests and logs see replacements. */
  workersStarted = 0

  constructor(options: CoreHostOptions) {
    this.spawn = options.spawn
    this.deadlineMs = options.deadlineMs ?? LIMITS.requestDeadlineMs
  }

  call<M extends CoreMethod>(
    method: M,
    params: RequestOf<M>,
    owner: Owner,
  ): Promise<ResponseOf<M>> {
    return this.enqueue(method, params, owner) as Promise<ResponseOf<M>>
  }

  /** Stops the worker and answers everything still open; later calls are answered at once. */
  async shutdown(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const job of this.queue.splice(0)) job.settle(closingResult())
    if (this.running) {
      clearTimeout(this.running.timer)
      this.running.job.settle(closingResult())
      this.running = null
    }
    await this.retireWorker()
  }

  private enqueue(method: CoreMethod, params: unknown, owner: Owner): Promise<Result<unknown>> {
    if (this.closed) return Promise.resolve(closingResult())
    return new Promise((settle) => {
      if (method === 'evaluate') this.cancelQueuedEvaluates(owner)
      this.queue.push({ id: this.nextId++, method, params, owner, settle })
      this.pump()
    })
  }

  private cancelQueuedEvaluates(owner: Owner): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const job = this.queue[index]
      if (job && job.method === 'evaluate' && job.owner === owner) {
        this.queue.splice(index, 1)
        job.settle(diagnosticResult(requestDiagnostic('cancelled', MESSAGES.cancelled())))
      }
    }
  }

  private pump(): void {
    if (this.running || this.closed) return
    const job = this.queue.shift()
    if (!job) return
    let worker: Worker
    try {
      worker = this.ensureWorker()
    } catch (error) {
      // A worker that cannot even be constructed is a crash the user can retry, not a throw into main.
      console.error('Calculus Lab: could not start the calculation worker', error)
      job.settle(diagnosticResult(requestDiagnostic('worker-crashed', MESSAGES.workerCrashed())))
      this.pump()
      return
    }
    const timer = setTimeout(() => this.onDeadline(job), this.deadlineMs)
    this.running = { job, timer }
    const message = { id: job.id, method: job.method, params: job.params } as WorkerRequest
    try {
      worker.postMessage(message)
    } catch (error) {
      // A payload the structured clone refuses never reaches the worker; the worker itself is fine.
      const what = error instanceof Error ? error.message : String(error)
      this.finish(job, diagnosticResult(requestDiagnostic('internal', MESSAGES.internal(what))))
    }
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const worker = this.spawn()
    this.workersStarted++
    worker.on('message', (message: unknown) => this.onMessage(worker, message))
    // 'error' (an uncaught exception in the worker) is always followed by 'exit'; answer on 'exit' only.
    worker.on('error', () => undefined)
    worker.on('exit', () => this.onExit(worker))
    this.worker = worker
    return worker
  }

  private onMessage(worker: Worker, message: unknown): void {
    if (worker !== this.worker || !this.running) return
    if (typeof message !== 'object' || message === null) return
    const { id, result } = message as { id?: unknown; result?: unknown }
    if (id !== this.running.job.id || !isResult(result)) return
    this.finish(this.running.job, result)
  }

  private onExit(worker: Worker): void {
    if (worker !== this.worker) return // a worker we retired ourselves
    this.worker = null
    if (this.running) {
      this.finish(
        this.running.job,
        diagnosticResult(requestDiagnostic('worker-crashed', MESSAGES.workerCrashed())),
      )
    }
  }

  private onDeadline(job: Job): void {
    if (this.running?.job !== job) return
    void this.retireWorker()
    this.finish(
      job,
      diagnosticResult(requestDiagnostic('timeout', MESSAGES.timeout(this.deadlineMs))),
    )
  }

  private finish(job: Job, result: Result<unknown>): void {
    if (this.running?.job === job) {
      clearTimeout(this.running.timer)
      this.running = null
    }
    job.settle(result)
    this.pump()
  }

  /** Forgets the current worker before terminating it, so its 'exit' is not taken for a crash. */
  private async retireWorker(): Promise<void> {
    const worker = this.worker
    this.worker = null
    if (worker) await worker.terminate()
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const { ok, diagnostics } = value as { ok?: unknown; diagnostics?: unknown }
  return ok === true || (ok === false && Array.isArray(diagnostics))
}
