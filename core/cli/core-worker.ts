import { gradcheckAt, gradientAt } from '../evaluate/service'
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

const HANDLERS: CliCoreApi = {
  gradient: async (request) => gradientAt(request),
  gradcheck: async (request) => gradcheckAt(request),
  plot,
}

function handlerOf(method: unknown): ((params: unknown) => Promise<Result<unknown>>) | null {
  if (method !== 'gradient' && method !== 'gradcheck' && method !== 'plot') return null
  return HANDLERS[method] as (params: unknown) => Promise<Result<unknown>>
}

async function answer(method: unknown, params: unknown): Promise<Result<unknown>> {
  const handler = handlerOf(method)
  if (!handler) {
    return fail(
      requestDiagnostic('invalid-request', MESSAGES.invalidRequest('method', 'is unknown')),
    )
  }
  try {
    return await handler(params)
  } catch (error) {
    // A bug in the core must not take the worker down: answer with a value.
    return fail(requestDiagnostic('internal', MESSAGES.internal(String(error))))
  }
}

/**
 * Answers the main thread's requests ({ id, method, params } → { id, result }); never throws. The
 * requests come from the CLI's own main thread, which has parsed and checked them.
 */
export function serveCliCore(port: CliPort): void {
  port.on('message', (message) => {
    if (typeof message !== 'object' || message === null) return
    const { id, method, params } = message as { id?: unknown; method?: unknown; params?: unknown }
    void answer(method, params).then((result) => port.postMessage({ id, result }))
  })
}
