import type { CalculusApi, CoreMethod, RequestOf, ResponseOf } from '../protocol/api'
import { handleMessage } from '../evaluate/serve'

/**
 * The core's API in-process, for tests: no port, but the same path a worker message takes (the same
 * validation, the same handlers, the same answer to a bug).
 */
function answer<M extends CoreMethod>(method: M) {
  return async (params: RequestOf<M>): Promise<ResponseOf<M>> =>
    handleMessage({ id: 0, method, params })!.result as ResponseOf<M>
}

export const inProcessApi: CalculusApi = {
  evaluate: answer('evaluate'),
  analyze: answer('analyze'),
  graph: answer('graph'),
  runCell: answer('runCell'),
  restartNotebook: answer('restartNotebook'),
  notebookGraph: answer('notebookGraph'),
}
