import { defineStore } from 'pinia'
import { watch } from 'vue'
import { plotSessionOf, type PlotSession } from '../../core/png/session'
import { useExpressionStore } from './expression'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

const SAMPLING_KEY = 'calculus-lab:fixed-sampling'
interface SavedSampling {
  expression: string
  domain: [number, number]
  samples: number
}

function readSampling(): SavedSampling | null {
  try {
    const data: unknown = JSON.parse(localStorage.getItem(SAMPLING_KEY) ?? 'null')
    if (typeof data !== 'object' || data === null) return null
    const { expression, domain, samples } = data as Record<string, unknown>
    const valid =
      typeof expression === 'string' &&
      Array.isArray(domain) &&
      domain.length === 2 &&
      domain.every((end) => typeof end === 'number') &&
      typeof samples === 'number'
    return valid ? { expression, domain: domain as [number, number], samples } : null
  } catch {
    return null
  }
}

function writeSampling(sampling: SavedSampling | null): void {
  try {
    if (sampling) localStorage.setItem(SAMPLING_KEY, JSON.stringify(sampling))
    else localStorage.removeItem(SAMPLING_KEY)
  } catch {
    // Without storage the points simply do not survive a restart.
  }
}

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

  // The session store saves function, sliders and view; the sample count of a lab step is saved here,
  // with the function and range it belongs to, and comes back only if they came back too.
  const saved = readSampling()
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
    ([samples]) =>
      writeSampling(
        samples === null || sampledExpression === null
          ? null
          : { expression: sampledExpression, domain: [...view.domain], samples },
      ),
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
    })
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
