import { parentPort, workerData } from 'node:worker_threads'
import { entryNamed } from './entries'
import { runEntry } from './run-entry'

/**
 * Runs one entry's inputs in a worker thread, so the runner can cut an input that never returns (an
 * infinite loop cannot be interrupted from inside). The index of the input under way is written to
 * shared memory before it starts.
 */
interface Job {
  entry: string
  seed: number
  from: number
  to: number
  progress: SharedArrayBuffer
}

const job = workerData as Job
const entry = entryNamed(job.entry)
if (!entry) throw new Error(`unknown entry ${job.entry}`)
const current = new Int32Array(job.progress)
const tally = await runEntry(entry, job.seed, job.from, job.to, (index) =>
  Atomics.store(current, 0, index),
)
parentPort?.postMessage(tally)
