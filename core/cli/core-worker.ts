import { gradientAt } from '../evaluate/service'
import { MESSAGES, requestDiagnostic } from '../protocol/diagnostics'
import { fail, ok, type Result } from '../protocol/result'
import type { CliCoreApi, PlotRequest, RenderedPlot } from './cli-api'
import type * as PlotRender from './plot-render'

/** The calls of a worker_threads parentPort the server uses. */
export interface CliPort {
  postMessage(message: unknown): void
  on(event: 'message', listener: (message: unknown) => void): unknown
}

async function plot(request: PlotRequest): Promise<Result<RenderedPlot>> {
  let renderer: typeof PlotRender
  try {
    renderer = await import('./plot-render')
  } catch (error) {
    // The canvas is a native package: present in development, optional where the CLI is installed.
    return ok({ kind: 'no-canvas', reason: String(error) })
  }
  const png = await renderer.renderPlotPng(request)
  return png.ok ? ok({ kind: 'png', bytes: png.value }) : png
}

const HANDLERS: { [M in keyof CliCoreApi]: (params: never) => ReturnType<CliCoreApi[M]> } = {
  gradient: async (params) => gradientAt(params),
  plot,
}

/** Answers the main thread's requests ({ id, method, params } → { id, result }); never throws. */
export function serveCliCore(port: CliPort): void {
  port.on('message', (message) => {
    const { id, method, params } = message as { id: number; method: string; params: never }
    const handler = (HANDLERS as Record<string, (params: never) => Promise<Result<unknown>>>)[
      method
    ]
    const answer = handler
      ? handler(params)
      : Promise.resolve(
          fail(
            requestDiagnostic('invalid-request', MESSAGES.invalidRequest('method', 'is unknown')),
          ),
        )
    answer
      .catch((error: unknown) =>
        fail(requestDiagnostic('internal', MESSAGES.internal(String(error)))),
      )
      .then((result) => port.postMessage({ id, result }))
  })
}
