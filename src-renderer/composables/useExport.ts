import type { Ref } from 'vue'
import { stillChartConfig } from '../../core/picture/still-config'
import {
  backgroundColor,
  exportPalette,
  exportSize,
  exportTitle,
  graphTheme,
  suggestedFileName,
  type ExportOptions,
} from '../../core/picture/still-options'
import { embedNotebook } from '../../core/png/notebook-part'
import { embedSession, plotSessionOf, type PlotSession } from '../../core/png/session'
import { deliverPng, type Delivery } from '../export/deliver'
import { graphPicture } from '../export/graph-picture'
import { renderChartPng, type Beside } from '../export/render'
import { useEvaluationStore } from '../stores/evaluation'
import { useNotebookStore } from '../stores/notebook'
import { useThemeStore } from '../stores/theme'
import { useViewStore } from '../stores/view'
import { useChartScene } from './useChartScene'

/** A chart canvas's size in CSS pixels (what the learner sees), or null before it is laid out. */
export function canvasSize(
  canvas: HTMLCanvasElement | null,
): { width: number; height: number } | null {
  if (!canvas) return null
  const { width, height } = canvas.getBoundingClientRect()
  return width > 0 && height > 0 ? { width: Math.round(width), height: Math.round(height) } : null
}

/**
 * Exports the chart on screen (drawn on `canvas`, given by the chart's owner) as a PNG: the same scene
 * redrawn at the chosen scale and background, with a title, and the session (function, point, plotted
 * variable, view) embedded so the file can be reopened; the computation graph drawn beside the plot and
 * the notebook's cells inside the file when the learner asks.
 */
export function useExport(canvas: Readonly<Ref<HTMLCanvasElement | null>>) {
  const scene = useChartScene()
  const evaluation = useEvaluationStore()
  const view = useViewStore()
  const theme = useThemeStore()
  const notebook = useNotebookStore()

  /** What is plotted: the request the chart's data answers, not inputs still being evaluated. */
  function plottedSession(): PlotSession | null {
    const request = evaluation.answered
    if (!request) return null
    return plotSessionOf({
      ...request,
      yRange: view.yOverride,
      samples: view.fixedSamples,
      showSecond: view.showSecond,
    })
  }

  const chartSize = () => canvasSize(canvas.value)

  async function exportPng(options: ExportOptions): Promise<Delivery> {
    const current = scene.value
    const session = plottedSession()
    const size = chartSize()
    if (!current || !session || !size) {
      return { kind: 'failed', message: 'There is no plot to export yet.' }
    }
    const background = backgroundColor(options.background, theme.resolved)
    const config = stillChartConfig(
      { ...current, palette: exportPalette(options.background, theme.resolved) },
      {
        title: exportTitle(session, evaluation.result?.variables ?? []),
        background,
        scale: options.scale,
      },
    )
    // What the learner should know about the file beyond where it went.
    const notes: string[] = []
    let beside: Beside | undefined
    if (options.withGraph) {
      const graph = await graphPicture(session, graphTheme(options.background, theme.resolved))
      if (!graph.ok) {
        const why = graph.diagnostics[0]?.message ?? 'the core did not answer'
        return { kind: 'failed', message: `The graph could not be drawn: ${why}` }
      }
      if (graph.value) beside = { graph: graph.value, scale: options.scale, background }
      else notes.push('The graph was left out: f uses no variable, so autograd records no graph.')
    }
    let png: Uint8Array
    try {
      png = await renderChartPng(config, size, beside)
    } catch (error) {
      return { kind: 'failed', message: `The image could not be drawn: ${String(error)}` }
    }
    const withSession = embedSession(png, session)
    if (!withSession.ok) return { kind: 'failed', message: withSession.problem.message }
    let file = withSession.value
    if (options.withNotebook) {
      // The cells as the notebook saves them (figures as their data, not as images).
      const withNotebook = embedNotebook(file, notebook.document())
      if (!withNotebook.ok) return { kind: 'failed', message: withNotebook.problem.message }
      file = withNotebook.value.png
      if (withNotebook.value.outputsDropped)
        notes.push('The notebook went in without its outputs: with them it is too large for a PNG.')
    }
    const delivery = await deliverPng(file, suggestedFileName(session.expression))
    return notes.length > 0 && (delivery.kind === 'saved' || delivery.kind === 'downloaded')
      ? { ...delivery, note: notes.join(' ') }
      : delivery
  }

  return { exportPng, chartSize, exportSize }
}
