import { Worker } from 'node:worker_threads'
import { nodeWorkerTransport, WorkerClient } from '../client'
import { CLI_CORE_WORKER, type CliCoreApi } from './cli-api'

/**
 * The CLI's computations in a worker_threads worker, through the same client as the app's (core/client):
 * each request may run `deadlineMs` from when it starts, then the worker is terminated, the request
 * answered 'timeout', and the next one gets a fresh worker. The worker is the CLI's own file (`entry`),
 * which serves when it sees CLI_CORE_WORKER in its workerData.
 */
export function startCliCore(entry: URL, deadlineMs: number): WorkerClient<CliCoreApi> {
  return new WorkerClient<CliCoreApi>({
    spawn: (events) => nodeWorkerTransport(spawnWorker(entry), events),
    deadlineMs,
    superseding: [],
    onSpawnError: (error) => process.stderr.write(`calculus-lab: no worker: ${String(error)}\n`),
  })
}

function spawnWorker(entry: URL): Worker {
  const options = { workerData: CLI_CORE_WORKER }
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options)
  // Run from source (tsx): module hooks of this thread do not reach workers, so the worker registers
  // tsx itself before it loads the entry.
  const tsx = import.meta.resolve('tsx/esm/api')
  const source = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}) })`
  return new Worker(source, { ...options, eval: true })
}
