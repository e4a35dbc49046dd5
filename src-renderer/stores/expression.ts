import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnalyzeResult } from '../../core/protocol/api'
import type { Diagnostic, DiagnosticFix } from '../../core/protocol/diagnostics'
import { calculusClient } from '../api/calculus'

export const DEFAULT_EXPRESSION = 'x^2'

/**
 * What the learner typed and what the core understood of it. The last expression that parsed stays in
 * `validText`, so the plot keeps showing it while the input is being edited into something invalid.
 */
export const useExpressionStore = defineStore('expression', () => {
  const text = ref(DEFAULT_EXPRESSION)
  const validText = ref<string | null>(null)
  const analysis = shallowRef<AnalyzeResult | null>(null)
  const diagnostics = shallowRef<Diagnostic[]>([])
  let latestRequest = 0

  const isValid = computed(() => diagnostics.value.length === 0 && validText.value === text.value)
  const variables = computed(() => analysis.value?.variables ?? [])

  async function analyze(): Promise<void> {
    const request = ++latestRequest
    const expression = text.value
    const result = await calculusClient().analyze({ expression })
    // A later keystroke has already asked again: this answer is about text that is gone.
    if (request !== latestRequest) return
    if (result.ok) {
      analysis.value = result.value
      validText.value = expression
      diagnostics.value = []
    } else {
      diagnostics.value = result.diagnostics
    }
  }

  function setText(next: string): Promise<void> {
    text.value = next
    return analyze()
  }

  function applyFix(fix: DiagnosticFix): Promise<void> {
    const [start, end] = fix.span
    return setText(text.value.slice(0, start) + fix.replacement + text.value.slice(end))
  }

  return { text, validText, analysis, diagnostics, isValid, variables, analyze, setText, applyFix }
})
