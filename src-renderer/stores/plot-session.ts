import { defineStore } from 'pinia'
import { watch } from 'vue'
import type { PlotSession } from '../../core/png/session'
import { useExpressionStore } from './expression'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

/**
 * The explorer's plot as one value (function, point, plotted variable, view): read for a PNG export, and
 * loaded from a lab step's "Show me" or from an opened PNG.
 */
export const usePlotSessionStore = defineStore('plot-session', () => {
  const expression = useExpressionStore()
  const variables = useVariablesStore()
  const view = useViewStore()
  /** The function a fixed sample count was loaded with: typing another one returns to smooth curves. */
  let sampledExpression: string | null = null

  watch(
    () => expression.text,
    (text) => {
      if (view.fixedSamples !== null && text !== sampledExpression) view.setFixedSamples(null)
    },
  )

  /** What is plotted now: the last function that parsed, and the view it is shown in. */
  function current(): PlotSession {
    return {
      expression: expression.validText ?? expression.text,
      point: { ...variables.point },
      wrt: variables.wrt,
      domain: [view.domain[0], view.domain[1]],
      yRange: view.yOverride ? [view.yOverride[0], view.yOverride[1]] : null,
      samples: view.fixedSamples,
    }
  }

  /** Puts a plot on screen; resolves once the function has been analysed. */
  async function load(session: PlotSession): Promise<void> {
    for (const [name, value] of Object.entries(session.point)) variables.setValue(name, value)
    variables.setWrt(session.wrt)
    view.setDomain(session.domain[0], session.domain[1])
    view.setYOverride(session.yRange)
    sampledExpression = session.samples === null ? null : session.expression
    view.setFixedSamples(session.samples)
    await expression.setText(session.expression)
    // A new function may have moved the plotted variable to its first letter before it was analysed.
    variables.setWrt(session.wrt)
  }

  return { current, load }
})
