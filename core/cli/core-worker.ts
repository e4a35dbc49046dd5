import { gradcheckAt, gradientAt } from '../evaluate/service'
import { MESSAGES, requestDiagnostic } from '../protocol/diagnostics'
import { fail, ok, type Result } from '../protocol/result'
import { buildGraph } from '../graph/build'
import { layoutGraph } from '../graph/layout'
import { graphSvg } from '../graph/svg'
import type { CliCoreApi, DrawGraphRequest, DrawnGraph, PlotRequest, RenderedPlot } from './cli-api'
import { graphAsText } from './graph'
import type * as GraphRender from './graph-render'
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

async function graph(request: DrawGraphRequest): Promise<Result<DrawnGraph>> {
  const built = buildGraph(request.graph)
  if (!built.ok) return built
  const { format } = request
  if (format === 'text' || format === 'json' || format === 'dot') {
    return ok({ kind: 'text', text: graphAsText(built.value, format) })
  }
  const layout = layoutGraph(built.value)
  const svg = graphSvg(built.value, layout, { theme: request.theme })
  if (format === 'svg') return ok({ kind: 'text', text: svg })
  let renderer: typeof GraphRender
  try {
    renderer = await import('./graph-render')
  } catch (error) {
    return ok({ kind: 'no-canvas', reason: String(error) })
  }
  const bytes = await renderer.rasterizeSvg(svg, layout.width, layout.height)
  const scale = renderer.GRAPH_PNG_SCALE
  return ok({ kind: 'png', bytes, width: layout.width * scale, height: layout.height * scale })
}

const HANDLERS: CliCoreApi = {
  gradient: async (request) => gradientAt(request),
  gradcheck: async (request) => gradcheckAt(request),
  plot,
  graph,
}

function handlerOf(method: unknown): ((params: unknown) => Promise<Result<unknown>>) | null {
  if (typeof method !== 'string' || !Object.hasOwn(HANDLERS, method)) return null
  return HANDLERS[method as keyof CliCoreApi] as (params: unknown) => Promise<Result<unknown>>
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
