import type { CalculusApi, CoreMethod, RequestOf, ResponseOf } from '../../core/protocol/api'
import { MESSAGES, requestDiagnostic } from '../../core/protocol/diagnostics'
import { fail } from '../../core/protocol/result'
import { desktopBridge } from './desktop'
import { createWorkerClient, type WorkerPort } from './worker-client'

/**
 * The renderer's only way to the core. In Electron the preload bridge (`window.calculus`) carries requests
 * to the main process; in the web build the core runs in a Web Worker of this page. Either way the caller gets a
 * `Result`, never an exception.
 */

function spawnCoreWorker(): WorkerPort {
  return new Worker(new URL('../../core/worker.ts', import.meta.url), {
    type: 'module',
    name: 'calculus-core',
  }) as unknown as WorkerPort
}

/** Wraps the preload bridge so a rejected IPC call still arrives as a diagnostic. */
function bridgeClient(bridge: CalculusApi): CalculusApi {
  const guarded =
    <M extends CoreMethod>(method: M) =>
    async (params: RequestOf<M>): Promise<ResponseOf<M>> => {
      try {
        const call = bridge[method] as (request: RequestOf<M>) => Promise<ResponseOf<M>>
        return await call(params)
      } catch (error) {
        return fail(
          requestDiagnostic('internal', MESSAGES.internal(String(error))),
        ) as ResponseOf<M>
      }
    }
  return {
    evaluate: guarded('evaluate'),
    analyze: guarded('analyze'),
    graph: guarded('graph'),
    runCell: guarded('runCell'),
    restartNotebook: guarded('restartNotebook'),
    notebookGraph: guarded('notebookGraph'),
  }
}

export function createCalculusClient(): CalculusApi {
  const bridge = desktopBridge()
  return bridge ? bridgeClient(bridge) : createWorkerClient(spawnCoreWorker)
}

let client: CalculusApi | null = null

/** The client the stores use: created on first use; tests install a fake with `setCalculusClient`. */
export function calculusClient(): CalculusApi {
  client ??= createCalculusClient()
  return client
}

export function setCalculusClient(replacement: CalculusApi | null): void {
  client = replacement
}
