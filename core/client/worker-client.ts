import type { CalculusApi } from '../protocol/api'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'
import { fail, type Result } from '../protocol/result'
import type { SpawnWorker, Timers, WorkerTransport } from './transport'

/** What a worker serves: methods that each take one request and answer with a promise. */
export type WorkerApi<Api> = { [M in keyof Api]: (request: never) => Promise<unknown> }
/** A method of a worker's API (CalculusApi by default), its request, and its answer. */
export type MethodOf<Api> = Extract<keyof Api, string>
export type RequestFor<Api extends WorkerApi<Api>, M extends keyof Api> = Parameters<Api[M]>[0]
export type AnswerFor<Api extends WorkerApi<Api>, M extends keyof Api> = Awaited<ReturnType<Api[M]>>

export interface WorkerClientOptions {
  spawn: SpawnWorker
  /** How long one request may run in the worker. */
  deadlineMs?: number
  timers?: Timers
  /** Told why a worker could not be started (the request is still answered 'worker-crashed'). */
  onSpawnError?: (error: unknown) => void
  /** Methods whose newer request replaces a queued one from the same owner; default: evaluate. */
  superseding?: readonly string[]
}

/** Who asked: evaluates from the same owner supersede each other. */
export type Owner = number

/** The owner of a client with one caller (the web build's page). */
const SOLE_OWNER: Owner = 0

interface Job {
  id: number
  method: string
  params: unknown
  owner: Owner
  settle: (result: Result<unknown>) => void
}

interface Running {
  job: Job
  timer: unknown
}

const crashed = () => fail(requestDiagnostic('worker-crashed', MESSAGES.workerCrashed()))
/** Requests still open at shutdown; nobody may read them, but every promise settles. */
const closing = () => fail(requestDiagnostic('cancelled', MESSAGES.appClosing()))
const failWith = (diagnostic: Diagnostic): Result<never> => fail(diagnostic)

/** Every runtime the core runs in has these; typed here because the core's lib has no host APIs. */
const globalTimers = globalThis as unknown as Timers
const defaultTimers: Timers = {
  setTimeout: (callback, ms) => globalTimers.setTimeout(callback, ms),
  clearTimeout: (handle) => globalTimers.clearTimeout(handle),
}

export class WorkerClient<Api extends WorkerApi<Api> = CalculusApi> {
  readonly deadlineMs: number
  /** How many workers were started: lets tests and logs see replacements. */
  workersStarted = 0
  private readonly spawn: SpawnWorker
  private readonly timers: Timers
  private readonly onSpawnError: (error: unknown) => void
  private readonly superseding: readonly string[]
  private worker: WorkerTransport | null = null
  private running: Running | null = null
  private readonly queue: Job[] = []
  private nextId = 1
  private closed = false

  constructor(options: WorkerClientOptions) {
    this.spawn = options.spawn
    this.deadlineMs = options.deadlineMs ?? LIMITS.requestDeadlineMs
    this.timers = options.timers ?? defaultTimers
    this.onSpawnError = options.onSpawnError ?? (() => undefined)
    this.superseding = options.superseding ?? ['evaluate']
  }

  call<M extends MethodOf<Api>>(
    method: M,
    params: RequestFor<Api, M>,
    owner: Owner = SOLE_OWNER,
  ): Promise<AnswerFor<Api, M>> {
    return this.enqueue(method, params, owner) as Promise<AnswerFor<Api, M>>
  }

  /** Stops the worker and answers everything still open; later calls are answered at once. */
  async shutdown(): Promise<void> {
    if (this.closed) return
    this.closed = true
    for (const job of this.queue.splice(0)) job.settle(closing())
    if (this.running) {
      this.timers.clearTimeout(this.running.timer)
      this.running.job.settle(closing())
      this.running = null
    }
    await this.retireWorker()
  }

  private enqueue(method: string, params: unknown, owner: Owner): Promise<Result<unknown>> {
    if (this.closed) return Promise.resolve(closing())
    return new Promise((settle) => {
      if (this.superseding.includes(method)) this.cancelQueued(method, owner)
      this.queue.push({ id: this.nextId++, method, params, owner, settle })
      this.pump()
    })
  }

  private cancelQueued(method: string, owner: Owner): void {
    for (let index = this.queue.length - 1; index >= 0; index--) {
      const job = this.queue[index]
      if (job && job.method === method && job.owner === owner) {
        this.queue.splice(index, 1)
        job.settle(failWith(requestDiagnostic('cancelled', MESSAGES.cancelled())))
      }
    }
  }

  /** Starts the next waiting request if the worker is free. */
  private pump(): void {
    while (!this.running && !this.closed) {
      const job = this.queue.shift()
      if (!job) return
      const worker = this.ensureWorker()
      if (!worker) {
        // A worker that cannot even be constructed is a crash the user can retry, not a throw.
        job.settle(crashed())
        continue
      }
      const timer = this.timers.setTimeout(() => this.onDeadline(job), this.deadlineMs)
      this.running = { job, timer }
      try {
        worker.post({ id: job.id, method: job.method, params: job.params })
      } catch (error) {
        // A payload the structured clone refuses never reaches the worker; the worker itself is fine.
        const what = error instanceof Error ? error.message : String(error)
        this.finish(job, failWith(requestDiagnostic('internal', MESSAGES.internal(what))))
        return
      }
    }
  }

  private ensureWorker(): WorkerTransport | null {
    if (this.worker) return this.worker
    let worker: WorkerTransport | null = null
    try {
      // Events of a worker that is no longer the current one (retired, replaced) are ignored.
      worker = this.spawn({
        message: (data) => {
          if (worker !== null && worker === this.worker) this.onMessage(data)
        },
        died: () => {
          if (worker !== null && worker === this.worker) this.onDied()
        },
      })
    } catch (error) {
      this.onSpawnError(error)
      return null
    }
    this.workersStarted++
    this.worker = worker
    return worker
  }

  private onMessage(data: unknown): void {
    if (!this.running || typeof data !== 'object' || data === null) return
    const { id, result } = data as { id?: unknown; result?: unknown }
    if (id !== this.running.job.id || !isResult(result)) return
    this.finish(this.running.job, result)
  }

  private onDied(): void {
    void this.retireWorker()
    if (this.running) this.finish(this.running.job, crashed())
  }

  private onDeadline(job: Job): void {
    if (this.running?.job !== job) return
    void this.retireWorker()
    this.finish(job, failWith(requestDiagnostic('timeout', MESSAGES.timeout(this.deadlineMs))))
  }

  private finish(job: Job, result: Result<unknown>): void {
    if (this.running?.job === job) {
      this.timers.clearTimeout(this.running.timer)
      this.running = null
    }
    job.settle(result)
    this.pump()
  }

  /** Forgets the current worker before terminating it, so its exit is not taken for a crash. */
  private async retireWorker(): Promise<void> {
    const worker = this.worker
    this.worker = null
    try {
      await worker?.terminate()
    } catch {
      // A worker that fails to stop is already forgotten; the next request gets a fresh one.
    }
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const { ok, diagnostics } = value as { ok?: unknown; diagnostics?: unknown }
  return ok === true || (ok === false && Array.isArray(diagnostics))
}
