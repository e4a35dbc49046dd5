import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { calculusClient } from '../api/calculus'
import { formatNumber } from '../../core/picture/format'
import { isCorrect, parseAnswer, practiceAnswer, withAnswer } from '../lessons/answers'
import type { PracticeStep } from '../lessons/types'
import { useLabProgressStore } from './lab-progress'

/**
 * The practice question on screen: asks the core for the expected answer (never known in advance),
 * checks the learner's against it and records the try in the lab's progress.
 */
export const useLabPracticeStore = defineStore('lab-practice', () => {
  const progress = useLabProgressStore()
  const step = shallowRef<PracticeStep | null>(null)
  /** A message about the input itself (not a number), which does not count as a try. */
  const inputProblem = ref<string | null>(null)
  /** The core's answer, once asked for (to check, or for the worked solution). */
  const expected = ref<number | null>(null)
  const coreProblem = ref<string | null>(null)

  const answer = computed(() => (step.value ? progress.answerOf(step.value.id) : null))
  const solutionShown = computed(() => (step.value ? progress.solutionShown(step.value.id) : false))
  const showHint = computed(() => answer.value !== null && !answer.value.correct)
  const solution = computed(() => {
    const right = expected.value
    if (!step.value || right === null) return []
    return step.value.practice.solution.map((line) => withAnswer(line, formatNumber(right)))
  })

  /** Puts a practice step on screen, with its own feedback (and its worked solution, if it was shown). */
  function enter(next: PracticeStep): void {
    step.value = next
    inputProblem.value = null
    expected.value = null
    coreProblem.value = null
    if (solutionShown.value) void ensureExpected()
  }

  /** The core's answer for the step on screen; null if it failed or the learner moved on meanwhile. */
  async function ensureExpected(): Promise<number | null> {
    const asked = step.value
    if (!asked) return null
    if (expected.value !== null) return expected.value
    const result = await practiceAnswer(calculusClient(), asked.practice)
    if (step.value !== asked) return null
    if (!result.ok) {
      coreProblem.value = result.diagnostics[0]?.message ?? 'The core could not compute the answer.'
      return null
    }
    expected.value = result.value
    return result.value
  }

  async function check(text: string): Promise<void> {
    const asked = step.value
    if (!asked) return
    const given = parseAnswer(text)
    if (given === null) {
      inputProblem.value = 'Type a number, for example 3 or −1.5.'
      return
    }
    inputProblem.value = null
    const right = await ensureExpected()
    if (right === null) return
    progress.recordAnswer(asked.id, text.trim(), isCorrect(given, right, asked.practice.tolerance))
  }

  /**
   * A code answer: the gradient the learner's cell printed (see printedGradient), checked against the
   * core's like a typed number. `printed` null means the cell printed no number.
   */
  async function checkPrinted(printed: number | null): Promise<void> {
    const asked = step.value
    if (!asked) return
    if (printed === null) {
      inputProblem.value = `Your cell printed no number: end it with print(${asked.practice.variable}.grad).`
      return
    }
    inputProblem.value = null
    const right = await ensureExpected()
    if (right === null) return
    const correct = isCorrect(printed, right, asked.practice.tolerance)
    progress.recordAnswer(asked.id, formatNumber(printed), correct)
  }

  async function reveal(): Promise<void> {
    const asked = step.value
    if (asked && (await ensureExpected()) !== null) progress.revealSolution(asked.id)
  }

  return {
    step,
    inputProblem,
    coreProblem,
    answer,
    solutionShown,
    showHint,
    solution,
    enter,
    check,
    checkPrinted,
    reveal,
  }
})
