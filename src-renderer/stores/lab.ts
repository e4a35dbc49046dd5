import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { labById, LABS, type Lab, type LessonStep } from '../lessons'
import { savedActiveLab } from './lab-progress-state'
import { useLabProgressStore } from './lab-progress'

/**
 * The walkthrough: which lab (and switching labs), whether the panel is open, and which step is on
 * screen. The learner's progress is the lab-progress store's; this store passes on what the panel reads.
 */
export const useLabStore = defineStore('lab', () => {
  const progressStore = useLabProgressStore()
  const progress = computed(() => progressStore.progress)
  const lab = ref<Lab>(LABS[0] as Lab)
  /** What the panel shows: the list of steps, or the current step. Not saved: a restart opens the list. */
  const showing = ref<'steps' | 'step'>('steps')
  const choiceNotice = ref<string | null>(null)
  let started = false

  const steps = computed(() => lab.value.steps)
  const open = computed(() => progress.value.open)
  const notice = computed(() => progressStore.notice ?? choiceNotice.value)
  const currentIndex = computed(() => {
    const index = steps.value.findIndex((step) => step.id === progress.value.current)
    return index === -1 ? 0 : index
  })
  const currentStep = computed<LessonStep>(() => steps.value[currentIndex.value] as LessonStep)

  const openPanel = () => void (progress.value.open = true)
  const closePanel = () => void (progress.value.open = false)
  const showSteps = () => void (showing.value = 'steps')

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

  /** Leaves the current step forwards; a step that is read (not practice) counts as done. */
  function next(): void {
    const step = currentStep.value
    if (!step.practice) progressStore.markCompleted(step.id)
    const following = steps.value[currentIndex.value + 1]
    if (following) goTo(following.id)
    else showing.value = 'steps'
  }

  function previous(): void {
    const before = steps.value[currentIndex.value - 1]
    if (before) goTo(before.id)
  }

  /** Forgets every answer and completed step; the panel stays open on the list of steps. */
  function reset(): void {
    progressStore.reset()
    showing.value = 'steps'
  }

  function show(next: Lab): void {
    lab.value = next
    progressStore.load(next)
  }

  /** Restores the last lab and its progress, and saves every change from then on. Call once at start. */
  function start(): void {
    if (started) return
    const choice = savedActiveLab.load()
    const id = choice.kind === 'restored' || choice.kind === 'migrated' ? choice.value.labId : ''
    if (choice.kind === 'reset') {
      choiceNotice.value = `The lab shown last was forgotten: ${choice.reason}.`
    }
    show(labById(id) ?? (LABS[0] as Lab))
    started = true
  }

  /** Switches to another lab; the panel stays as it was, on that lab's list of steps. */
  function chooseLab(id: string): void {
    const next = labById(id)
    if (!next || next.id === lab.value.id) return
    const wasOpen = progress.value.open
    show(next)
    progress.value.open = wasOpen
    showing.value = 'steps'
    savedActiveLab.save({ labId: next.id })
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
    hasProgress: computed(() => progressStore.hasProgress),
    completedCount: computed(() => progressStore.completedCount),
    isCompleted: (stepId: string) => progressStore.isCompleted(stepId),
    answerOf: (stepId: string) => progressStore.answerOf(stepId),
    solutionShown: (stepId: string) => progressStore.solutionShown(stepId),
    openPanel,
    closePanel,
    goTo,
    resume,
    showSteps,
    next,
    previous,
    recordAnswer: (stepId: string, text: string, correct: boolean) =>
      progressStore.recordAnswer(stepId, text, correct),
    revealSolution: (stepId: string) => progressStore.revealSolution(stepId),
    reset,
    start,
    chooseLab,
  }
})
