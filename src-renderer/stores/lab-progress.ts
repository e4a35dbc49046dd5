import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Lab } from '../lessons'
import {
  emptyProgress,
  LAB_PROGRESS_LIMITS,
  savedProgress,
  type LabProgress,
  type StepAnswer,
} from './lab-progress-state'
import type { Persisted } from './persisted'

/**
 * The learner's progress through the lab on screen: steps done, answers, solutions seen. Saved as it
 * changes (once `load` has run), so it survives a restart; a damaged save becomes a notice.
 */
export const useLabProgressStore = defineStore('lab-progress', () => {
  const progress = ref<LabProgress>(emptyProgress(''))
  const notice = ref<string | null>(null)
  let saved: Persisted<LabProgress> | null = null

  const hasProgress = computed(
    () => progress.value.current !== null || progress.value.completed.length > 0,
  )
  const completedCount = computed(() => progress.value.completed.length)

  function isCompleted(stepId: string): boolean {
    return progress.value.completed.includes(stepId)
  }
  function answerOf(stepId: string): StepAnswer | null {
    return progress.value.answers[stepId] ?? null
  }
  function solutionShown(stepId: string): boolean {
    return progress.value.solutionsShown.includes(stepId)
  }

  function markCompleted(stepId: string): void {
    if (!isCompleted(stepId)) progress.value.completed.push(stepId)
  }

  function recordAnswer(stepId: string, text: string, correct: boolean): void {
    const tries = (answerOf(stepId)?.tries ?? 0) + 1
    const kept = text.slice(0, LAB_PROGRESS_LIMITS.answerLength)
    progress.value.answers[stepId] = { text: kept, correct, tries }
    if (correct) markCompleted(stepId)
  }

  function revealSolution(stepId: string): void {
    if (!solutionShown(stepId)) progress.value.solutionsShown.push(stepId)
  }

  /** Forgets every answer and completed step; whether the panel is open stays as it is. */
  function reset(): void {
    progress.value = { ...emptyProgress(progress.value.labId), open: progress.value.open }
  }

  function save(): void {
    if (saved && !saved.save(progress.value)) {
      notice.value = 'Your lab progress could not be saved (storage is full or unavailable).'
    }
  }

  // Created with the store, so it lives as long as the store; it saves only once a lab is loaded.
  watch(progress, save, { deep: true })

  /** Shows `lab`'s own saved progress (or a fresh start); the previous lab's is saved first. */
  function load(lab: Lab): void {
    if (saved) save()
    const next = savedProgress(lab)
    const outcome = next.load()
    progress.value = outcome.kind === 'restored' ? outcome.value : emptyProgress(lab.id)
    notice.value =
      outcome.kind === 'reset' ? `Your lab progress was reset: ${outcome.reason}.` : null
    saved = next
  }

  return {
    progress,
    notice,
    hasProgress,
    completedCount,
    isCompleted,
    answerOf,
    solutionShown,
    markCompleted,
    recordAnswer,
    revealSolution,
    reset,
    load,
  }
})
