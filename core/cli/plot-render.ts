/**
 * Draws the plot with Chart.js on @napi-rs/canvas, from the same scene and chart configuration the app
 * uses (core/picture). Loaded with a dynamic import by `plot` only.
 */
import { createCanvas } from '@napi-rs/canvas'
import { evaluate } from '../evaluate/service'
import { registerStillChartParts, type ChartTarget } from '../picture/chart-parts'
import { sceneFromResult } from '../picture/scene'
import { stillChartConfig } from '../picture/still-config'
import { backgroundColor, exportPalette, exportTitle } from '../picture/still-options'
import { embedSession, type PlotSession } from '../png/session'
import type { EvaluateResult } from '../protocol/api'
import type { Diagnostic } from '../protocol/diagnostics'
import { fail, ok, type Result } from '../protocol/result'
import type { PlotBackground } from './plot'

const Chart = registerStillChartParts()
// The canvas has the fonts of the system (Liberation, DejaVu…), not the browser's system-ui stack.
Chart.defaults.font.family = 'Liberation Sans, DejaVu Sans, Arial, Helvetica, sans-serif'

const SAMPLES_PER_PIXEL = 2

export interface RenderRequest {
  session: PlotSession
  size: { width: number; height: number }
  scale: number
  background: PlotBackground
}

export async function renderPlotPng(request: RenderRequest): Promise<Result<Uint8Array>> {
  const { session, size, scale } = request
  const evaluation = evaluate({
    expression: session.expression,
    point: session.point,
    wrt: session.wrt,
    domain: session.domain,
    samples: session.samples ?? size.width * SAMPLES_PER_PIXEL,
  })
  if (!evaluation.ok) return fail<Uint8Array>(...(evaluation.diagnostics as Diagnostic[]))
  const result: EvaluateResult = evaluation.value
  const theme = request.background === 'dark' ? 'dark' : 'light'
  const choice = request.background === 'dark' ? 'theme' : request.background
  const scene = sceneFromResult(
    result,
    {
      expression: session.expression,
      point: session.point,
      wrt: session.wrt,
      domain: session.domain,
      samples: result.series.t.length,
    },
    {
      yRange: session.yRange,
      palette: exportPalette(choice, theme),
      markers: session.samples !== null,
    },
  )
  const config = stillChartConfig(scene, {
    title: exportTitle(session, result.variables),
    background: backgroundColor(choice, theme),
    scale,
  })
  const canvas = createCanvas(size.width, size.height)
  // Chart.js runs on its basic platform in Node: it draws on any object with getContext('2d').
  const chart = new Chart(canvas as unknown as ChartTarget, config)
  try {
    const png = new Uint8Array(await canvas.encode('png'))
    const embedded = embedSession(png, session)
    return embedded.ok
      ? ok(embedded.value)
      : fail({ code: 'internal', message: embedded.problem.message, span: [0, 0] })
  } finally {
    chart.destroy()
  }
}
