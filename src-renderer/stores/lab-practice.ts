import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { calculusClient } from '../api/calculus'
import { formatNumber } from '../../core/picture/format'
import { isCorrect, parseAnswer, practiceAnswer, withAnswer } from '../lessons/answers'
import { hintFor, typicalMistakes, type Mistake } from '../lessons/mistakes'
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
  /** The typical wrong answers of the step on screen, computed by the core on the first wrong try. */
  const mistakes = shallowRef<Mistake[] | null>(null)
  /** The hint for the mistake the last wrong try matches; null shows the step's general hint. */
  const targetedHint = ref<string | null>(null)
  /** Steps whose gradient the learner chose to see in the values panel before answering. */
  const peeked = ref<ReadonlySet<string>>(new Set())

  const answer = computed(() => (step.value ? progress.answerOf(step.value.id) : null))
  const solutionShown = computed(() => (step.value ? progress.solutionShown(step.value.id) : false))
  const showHint = computed(() => answer.value !== null && !answer.value.correct)
  const solution = computed(() => {
    const right = expected.value
    if (!step.value || right === null) return []
    return step.value.practice.solution.map((line) => withAnswer(line, formatNumber(right)))
  })
  /** The core's value, as the feedback states it once an answer is checked. */
  const exact = computed(() => (expected.value === null ? null : formatNumber(expected.value)))
  /**
   * While the question is open, the explorer keeps the asked-for slope to itself: "Show me" plots the
   * function, and the values panel shows the gradient only once answered, solved or revealed on purpose.
   */
  const guarded = computed(() => {
    const asked = step.value
    if (!asked || answer.value?.correct || solutionShown.value || peeked.value.has(asked.id)) {
      return null
    }
    return asked.practice
  })

  /** Whether the values of this evaluation would give the open question's answer away. */
  function hides(expression: string | null | undefined): boolean {
    const open = guarded.value
    if (!open || expression === null || expression === undefined) return false
    const spaceless = (text: string) => text.replace(/\s+/g, '')
    return spaceless(expression) === spaceless(open.expression)
  }

  function peek(): void {
    const asked = step.value
    if (asked) peeked.value = new Set([...peeked.value, asked.id])
  }

  /** Puts a practice step on screen, with its own feedback (and its worked solution, if it was shown). */
  function enter(next: PracticeStep): void {
    step.value = next
    inputProblem.value = null
    expected.value = null
    coreProblem.value = null
    mistakes.value = null
    targetedHint.value = null
    const previous = answer.value
    if (solutionShown.value || previous?.correct) void ensureExpected()
    else if (previous) void diagnose(previous.text)
  }

  /** Off screen (another step, or the lab closed): the explorer shows everything again. */
  function leave(left: PracticeStep): void {
    if (step.value === left) step.value = null
  }

  /** Finds which typical mistake a wrong answer matches, for a hint about that mistake. */
  async function diagnose(text: string): Promise<void> {
    const asked = step.value
    const given = parseAnswer(text)
    if (!asked || given === null) return
    const known = mistakes.value ?? (await typicalMistakes(calculusClient(), asked.practice))
    if (step.value !== asked) return
    mistakes.value = known
    targetedHint.value = hintFor(given, known, asked.practice.tolerance)
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
    const correct = isCorrect(given, right, asked.practice.tolerance)
    progress.recordAnswer(asked.id, text.trim(), correct)
    targetedHint.value = null
    if (!correct) await diagnose(text)
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
    expected,
    exact,
    targetedHint,
    guarded,
    hides,
    peek,
    enter,
    leave,
    check,
    checkPrinted,
    reveal,
  }
})
