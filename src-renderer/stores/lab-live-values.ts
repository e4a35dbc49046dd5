import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { calculusClient } from '../api/calculus'
import { formatNumber } from '../../core/picture/format'
import { torchElementTexts } from '../../core/picture/torch-scalar'
import { checkStated, plotRequest } from '../lessons/answers'
import type { LessonStep, StatedValue } from '../lessons/types'

export interface LiveRow {
  label: string
  value: string
  holds: boolean
}

export interface SampleTable {
  caption: string
  holds: boolean
  rows: { x: string; f: string; grad: string }[]
}

function pointText(step: LessonStep, stated: StatedValue): string {
  const point = step.plots[stated.plot]?.point ?? {}
  return Object.entries(point)
    .map(([name, value]) => `${name} = ${formatNumber(value)}`)
    .join(', ')
}

/**
 * The numbers a lab step states, asked of the core while the step is on screen: each value or partial
 * with whether it matches the text, and the samples of a series claim as a table.
 */
export const useLabLiveValuesStore = defineStore('lab-live-values', () => {
  const rows = shallowRef<LiveRow[]>([])
  const tables = shallowRef<SampleTable[]>([])
  const failure = ref<string | null>(null)
  let shown: LessonStep | null = null

  async function show(step: LessonStep): Promise<void> {
    shown = step
    const api = calculusClient()
    const nextRows: LiveRow[] = []
    const nextTables: SampleTable[] = []
    let problem: string | null = null
    failure.value = null
    for (const stated of step.stated) {
      const check = await checkStated(api, step, stated)
      if (!check.ok) {
        problem = check.diagnostics[0]?.message ?? 'The core could not compute this step.'
        continue
      }
      const { actual, holds } = check.value
      const at = pointText(step, stated)
      if (stated.kind === 'value') {
        nextRows.push({ label: `f at ${at}`, value: formatNumber(actual), holds })
      } else if (stated.kind === 'partial') {
        const label = `∂f/∂${stated.variable} (${stated.variable}.grad) at ${at}`
        nextRows.push({ label, value: formatNumber(actual), holds })
      } else {
        const plot = step.plots[stated.plot]
        const result = plot ? await api.evaluate(plotRequest(plot)) : null
        if (!result?.ok) continue
        const { t, f, df } = result.value.series
        // PyTorch's digits, as print(x.grad) shows them (-15.5556, not -15.56).
        const [xs, fs, grads] = [t, f, df].map((column) => torchElementTexts(Array.from(column)))
        nextTables.push({
          caption: stated.description,
          holds,
          rows: Array.from(t, (_x, i) => ({ x: xs![i]!, f: fs![i]!, grad: grads![i]! })),
        })
      }
    }
    // A step the learner has already left keeps its answers to itself.
    if (step !== shown) return
    rows.value = nextRows
    tables.value = nextTables
    failure.value = problem
  }

  return { rows, tables, failure, show }
})
