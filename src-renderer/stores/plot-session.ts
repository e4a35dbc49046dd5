import { defineStore } from 'pinia'
import { ref, watch } from 'vue'
import { plotSessionOf, type PlotSession } from '../../core/png/session'
import { useExpressionStore } from './expression'
import { savedSampling } from './saved-sampling'
import { useVariablesStore } from './variables'
import { unrestoredDomainNotice, useViewStore } from './view'

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
  const notice = ref<string | null>(null)

  // The session store saves function, sliders and view; the sample count of a lab step is saved here,
  // with the function and range it belongs to, and comes back only if they came back too.
  const outcome = savedSampling.load()
  const saved = outcome.kind === 'restored' || outcome.kind === 'migrated' ? outcome.value : null
  if (outcome.kind === 'reset') {
    notice.value = `Returned to smooth curves: ${outcome.reason}.`
  }
  if (
    saved &&
    saved.expression === expression.text &&
    saved.domain[0] === view.domain[0] &&
    saved.domain[1] === view.domain[1] &&
    view.setFixedSamples(saved.samples)
  ) {
    sampledExpression = saved.expression
  }

  watch(
    () => expression.text,
    (text) => {
      if (view.fixedSamples !== null && text !== sampledExpression) view.setFixedSamples(null)
    },
  )
  watch(
    () => [view.fixedSamples, view.domain[0], view.domain[1]] as const,
    ([samples]) => {
      // Where storage refuses, the points simply do not survive a restart.
      if (samples === null || sampledExpression === null) savedSampling.clear()
      else savedSampling.save({ expression: sampledExpression, domain: [...view.domain], samples })
    },
  )

  /** What is plotted now: the last function that parsed, and the view it is shown in. */
  function current(): PlotSession {
    return plotSessionOf({
      expression: expression.validText ?? expression.text,
      point: variables.point,
      wrt: variables.wrt,
      domain: view.domain,
      yRange: view.yOverride,
      samples: view.fixedSamples,
      showSecond: view.showSecond,
    })
  }

  /**
   * Puts a plot on screen; resolves once the function has been analysed. A domain the view refuses
   * (wider or narrower than it allows) keeps the current one, and the notice says so.
   */
  async function load(session: PlotSession): Promise<void> {
    for (const [name, value] of Object.entries(session.point)) variables.setValue(name, value)
    variables.setWrt(session.wrt)
    if (!view.setDomain(session.domain[0], session.domain[1]))
      notice.value = unrestoredDomainNotice(session.domain)
    view.setYOverride(session.yRange)
    sampledExpression = session.samples === null ? null : session.expression
    view.setFixedSamples(session.samples)
    view.showSecond = session.showSecond
    await expression.setText(session.expression)
    // A new function may have moved the plotted variable to its first letter before it was analysed.
    variables.setWrt(session.wrt)
  }

  function dismissNotice(): void {
    notice.value = null
  }

  return { notice, current, load, dismissNotice }
})
