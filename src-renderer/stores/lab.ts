import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import { labById, LABS, type Lab, type LessonStep } from '../lessons'
import {
  ACTIVE_LAB_KEY,
  emptyProgress,
  labProgressKey,
  parseProgress,
  type LabProgress,
  type StepAnswer,
} from './lab-progress'

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/**
 * The walkthrough: which lab, which step is on screen, and the learner's progress (saved as it changes, so
 * it survives a restart). The panel shows either the list of steps or one step.
 */
export const useLabStore = defineStore('lab', () => {
  const lab = ref<Lab>(LABS[0] as Lab)
  const progress = ref<LabProgress>(emptyProgress(lab.value.id))
  /** What the panel shows: the list of steps, or the current step. Not saved: a restart opens the list. */
  const showing = ref<'steps' | 'step'>('steps')
  const notice = ref<string | null>(null)
  let started = false

  const steps = computed(() => lab.value.steps)
  const open = computed(() => progress.value.open)
  const currentIndex = computed(() => {
    const index = steps.value.findIndex((step) => step.id === progress.value.current)
    return index === -1 ? 0 : index
  })
  const currentStep = computed<LessonStep>(() => steps.value[currentIndex.value] as LessonStep)
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

  function openPanel(): void {
    progress.value.open = true
  }
  function closePanel(): void {
    progress.value.open = false
  }

  function goTo(stepId: string): void {
    if (!steps.value.some((step) => step.id === stepId)) return
    progress.value.current = stepId
    showing.value = 'step'
    progress.value.open = true
  }

  /** Back to the step where the learner stopped (the first one if they never started). */
  function resume(): void {
    goTo(progress.value.current ?? (steps.value[0] as LessonStep).id)
  }

  function showSteps(): void {
    showing.value = 'steps'
  }

  function markCompleted(stepId: string): void {
    if (!isCompleted(stepId)) progress.value.completed.push(stepId)
  }

  /** Leaves the current step forwards; a step that is read (not practice) counts as done. */
  function next(): void {
    const step = currentStep.value
    if (!step.practice) markCompleted(step.id)
    const following = steps.value[currentIndex.value + 1]
    if (following) goTo(following.id)
    else showing.value = 'steps'
  }

  function previous(): void {
    const before = steps.value[currentIndex.value - 1]
    if (before) goTo(before.id)
  }

  function recordAnswer(stepId: string, text: string, correct: boolean): void {
    const tries = (answerOf(stepId)?.tries ?? 0) + 1
    progress.value.answers[stepId] = { text: text.slice(0, 200), correct, tries }
    if (correct) markCompleted(stepId)
  }

  function revealSolution(stepId: string): void {
    if (!solutionShown(stepId)) progress.value.solutionsShown.push(stepId)
  }

  /** Forgets every answer and completed step; the panel stays open on the list of steps. */
  function reset(): void {
    progress.value = { ...emptyProgress(lab.value.id), open: progress.value.open }
    showing.value = 'steps'
  }

  function save(): void {
    try {
      storage()?.setItem(labProgressKey(lab.value.id), JSON.stringify(progress.value))
    } catch {
      notice.value = 'Your lab progress could not be saved (storage is full or unavailable).'
    }
  }

  // Created with the store (not in start()), so it lives as long as the store, whoever called start().
  watch(
    progress,
    () => {
      if (started) save()
    },
    { deep: true },
  )

  /** Makes `next` the lab on screen, with its own saved progress (or a fresh start). */
  function load(next: Lab): void {
    const ids = next.steps.map((step) => step.id)
    const key = labProgressKey(next.id)
    const outcome = parseProgress(storage()?.getItem(key) ?? null, next.id, ids)
    lab.value = next
    progress.value = outcome.kind === 'restored' ? outcome.progress : emptyProgress(next.id)
    notice.value = null
    if (outcome.kind === 'reset') {
      notice.value = `Your lab progress was reset: ${outcome.reason}.`
      storage()?.removeItem(key)
    }
  }

  /** Restores the last lab and its progress, and saves every change from then on. Call once at start. */
  function start(): void {
    if (started) return
    load(labById(storage()?.getItem(ACTIVE_LAB_KEY) ?? '') ?? (LABS[0] as Lab))
    started = true
  }

  /** Switches to another lab; the panel stays as it was, on that lab's list of steps. */
  function chooseLab(id: string): void {
    const next = labById(id)
    if (!next || next.id === lab.value.id) return
    const wasOpen = progress.value.open
    // Saved now: the watch would only run after the switch, with the other lab's progress.
    save()
    load(next)
    progress.value.open = wasOpen
    showing.value = 'steps'
    storage()?.setItem(ACTIVE_LAB_KEY, next.id)
  }

  return {
    lab,
    steps,
    progress,
    showing,
    notice,
    open,
    currentIndex,
    currentStep,
    hasProgress,
    completedCount,
    isCompleted,
    answerOf,
    solutionShown,
    openPanel,
    closePanel,
    goTo,
    resume,
    showSteps,
    markCompleted,
    next,
    previous,
    recordAnswer,
    revealSolution,
    reset,
    start,
    chooseLab,
  }
})
