/**
 * The core's worker entry. Loaded as a node `worker_threads` Worker (the Electron main process) it serves on
 * `parentPort`; loaded as a Web Worker (the web build) it serves on `self`. Node is reached through
 * `process.getBuiltinModule`, not an import, so the same file bundles for the browser untouched.
 */
import type { WorkerResponse } from './protocol/api'
import { serve } from './evaluate/serve'

interface NodeMessagePort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void
  on(event: 'message', listener: (message: unknown) => void): void
}
interface WebWorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void
}

type Runtime = {
  process?: {
    getBuiltinModule?: (id: string) => { parentPort?: NodeMessagePort | null } | undefined
  }
  WorkerGlobalScope?: unknown
}

const runtime = globalThis as unknown as Runtime
const parentPort = runtime.process?.getBuiltinModule?.('node:worker_threads')?.parentPort

if (parentPort) {
  serve({
    post: (message: WorkerResponse, transfer) => parentPort.postMessage(message, transfer),
    listen: (handler) => parentPort.on('message', handler),
  })
} else if (runtime.WorkerGlobalScope !== undefined) {
  const scope = globalThis as unknown as WebWorkerScope
  serve({
    post: (message: WorkerResponse, transfer) => scope.postMessage(message, transfer),
    listen: (handler) => scope.addEventListener('message', (event) => handler(event.data)),
  })
}
