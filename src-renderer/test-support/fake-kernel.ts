import type {
  NotebookApi,
  RestartNotebookRequest,
  RunCellRequest,
  RunCellResult,
} from '../../core/protocol/notebook'
import { requestDiagnostic } from '../../core/protocol/diagnostics'
import { fail, ok, type Result } from '../../core/protocol/result'

const nameError = (name: string) =>
  fail(requestDiagnostic('no-graph', `NameError: name '${name}' is not defined`))

/**
 * A stand-in for the core's notebook in store and component tests: each session counts its cells as
 * the core does, answers a cell with what `answer` returns (by default its source echoed on stdout),
 * and records every request.
 */
export interface FakeKernel extends NotebookApi {
  runs: RunCellRequest[]
  restarts: RestartNotebookRequest[]
  answer: (source: string, count: number) => RunCellResult | Result<RunCellResult>
}

export function createFakeKernel(): FakeKernel {
  const counts = new Map<string, number>()
  const kernel: FakeKernel = {
    runs: [],
    restarts: [],
    answer: (source, count) => ({
      executionCount: count,
      status: 'ok',
      outputs: [{ type: 'stream', name: 'stdout', text: `${source}\n` }],
    }),
    runCell(request) {
      kernel.runs.push(request)
      const count = (counts.get(request.session) ?? 0) + 1
      counts.set(request.session, count)
      const answer = kernel.answer(request.source, count)
      return Promise.resolve('ok' in answer ? answer : ok(answer))
    },
    restartNotebook(request) {
      kernel.restarts.push(request)
      counts.delete(request.session)
      return Promise.resolve(ok({ session: request.session }))
    },
    // The fake keeps no namespace: every name is undefined, as in a session that ran nothing.
    notebookGraph: (request) => Promise.resolve(nameError(request.name)),
  }
  return kernel
}
