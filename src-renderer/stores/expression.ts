import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type { AnalyzeResult } from '../../core/protocol/api'
import {
  diagnostic,
  MESSAGES,
  type Diagnostic,
  type DiagnosticFix,
} from '../../core/protocol/diagnostics'
import { LIMITS } from '../../core/protocol/limits'
import { FUNCTION_NAMES, FUNCTIONS } from '../../core/ops/catalog'
import { calculusClient } from '../api/calculus'

export const DEFAULT_EXPRESSION = 'x^2'

/** Every spelling of a function, lower-case: a text ending in a proper prefix of one is a word in progress. */
const FUNCTION_SPELLINGS = FUNCTION_NAMES.flatMap((fn) => [fn, ...FUNCTIONS[fn].spellings])

/**
 * Whether the text ends in letters that may still become a function's name (`f` of `floor(x)`, `torch.s`
 * of `torch.sin`): valid as it stands (the variable f), but not yet what the learner means.
 */
export function endsInWordInProgress(text: string): boolean {
  const word = /[A-Za-z][A-Za-z.]*$/.exec(text)?.[0]
  if (!word) return false
  return FUNCTION_SPELLINGS.some((name) => name.length > word.length && name.startsWith(word))
}

/** How long a word in progress waits for the next key before it is taken as typed. */
export const WORD_IN_PROGRESS_MS = 600

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
  /** A word in progress waiting to be committed: its timer, and how to settle its analyze() call. */
  let pending: { timer: ReturnType<typeof setTimeout>; settle: () => void } | null = null

  const isValid = computed(() => diagnostics.value.length === 0 && validText.value === text.value)
  const variables = computed(() => analysis.value?.variables ?? [])
  /**
   * The function still on screen while the input is invalid (null while it is valid or nothing was
   * ever valid): plot, values and code show it, marked "showing x^2 — fix the input to update".
   */
  const staleText = computed(() =>
    diagnostics.value.length > 0 && validText.value !== null ? validText.value : null,
  )

  async function analyze(): Promise<void> {
    const request = ++latestRequest
    if (pending) {
      clearTimeout(pending.timer)
      pending.settle()
      pending = null
    }
    const expression = text.value
    if (expression.length > LIMITS.expressionLength) {
      // Refused whole, as the parser would (the core refuses such a request outright): never cut to
      // the limit, which would silently be another function.
      const { length } = expression
      const message = MESSAGES.expressionTooLong(length, LIMITS.expressionLength)
      diagnostics.value = [
        diagnostic('expression-too-long', message, [LIMITS.expressionLength, length]),
      ]
      return
    }
    const result = await calculusClient().analyze({ expression })
    // A later keystroke has already asked again: this answer is about text that is gone.
    if (request !== latestRequest) return
    if (result.ok) {
      const commit = (): void => {
        analysis.value = result.value
        validText.value = expression
        diagnostics.value = []
      }
      // `f` on the way to `floor(x)` would plot f and add a slider for it: wait for the next key.
      if (!endsInWordInProgress(expression)) return commit()
      diagnostics.value = []
      await new Promise<void>((settle) => {
        const timer = setTimeout(() => {
          pending = null
          commit()
          settle()
        }, WORD_IN_PROGRESS_MS)
        pending = { timer, settle }
      })
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

  return {
    text,
    validText,
    analysis,
    diagnostics,
    isValid,
    variables,
    staleText,
    analyze,
    setText,
    applyFix,
  }
})
