import { defineStore } from 'pinia'
import { computed, markRaw, shallowRef, watch } from 'vue'
import type { EvaluateRequest, EvaluateResult } from '../../core/protocol/api'
import type { Diagnostic } from '../../core/protocol/diagnostics'
import { calculusClient } from '../api/calculus'
import { useExpressionStore } from './expression'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

const nextFrame: (callback: () => void) => void =
  typeof requestAnimationFrame === 'function'
    ? (callback) => requestAnimationFrame(() => callback())
    : (callback) => setTimeout(callback, 16)

/**
 * Asks the core for f, its derivatives and the tangent whenever the function, the point, the plotted
 * variable or the view changes. A change is sent at once (after the current task, so changes made together
 * travel together) unless a request already went out in this animation frame or is still in flight: then
 * the changes are folded into one request sent on the next frame or when the answer arrives. So a slider
 * drag costs at most one request per frame, the newest state always wins, and stale answers are never shown.
 */
export const useEvaluationStore = defineStore('evaluation', () => {
  const expression = useExpressionStore()
  const variables = useVariablesStore()
  const view = useViewStore()

  const result = shallowRef<EvaluateResult | null>(null)
  /** The request `result` answers (what was plotted), so the chart never mixes old data with new inputs. */
  const answered = shallowRef<EvaluateRequest | null>(null)
  const diagnostics = shallowRef<Diagnostic[]>([])
  const busy = shallowRef(false)

  const request = computed<EvaluateRequest | null>(() => {
    if (expression.validText === null) return null
    return {
      expression: expression.validText,
      point: { ...variables.point },
      wrt: variables.wrt,
      domain: [view.domain[0], view.domain[1]],
      samples: view.samples,
      secondDerivative: view.showSecond,
      ...(view.finiteDifferences ? { finiteDifferences: view.finiteDifferences } : {}),
    }
  })

  let queued = false
  let dirty = false
  let sentThisFrame = false
  let settled: Promise<void> = Promise.resolve()

  async function send(): Promise<void> {
    const current = request.value
    dirty = false
    if (!current) return
    busy.value = true
    sentThisFrame = true
    nextFrame(() => (sentThisFrame = false))
    const answer = await calculusClient().evaluate(current)
    busy.value = false
    if (answer.ok) {
      result.value = markRaw(answer.value)
      answered.value = current
      diagnostics.value = []
    } else {
      // The last good plot stays on screen; the diagnostics say why it is not current.
      diagnostics.value = answer.diagnostics
    }
    if (dirty) schedule()
  }

  function schedule(): void {
    dirty = true
    if (queued || busy.value) return
    queued = true
    const wait: (callback: () => void) => void = sentThisFrame ? nextFrame : queueMicrotask
    settled = new Promise((resolve) =>
      wait(() => {
        queued = false
        void send().then(resolve)
      }),
    )
  }

  watch(request, schedule, { immediate: true })

  /** Resolves once the latest scheduled request has been answered (for tests and the benchmark). */
  async function idle(): Promise<void> {
    let seen: Promise<void>
    do {
      seen = settled
      await seen
    } while (seen !== settled || busy.value || queued)
  }

  return { result, answered, diagnostics, busy, request, idle, refresh: schedule }
})
