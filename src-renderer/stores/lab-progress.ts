import { isRecord } from '../../core/protocol/guards'
/**
 * The learner's progress through a lab, as saved: versioned like the session (persisted-state.ts), read
 * without ever throwing. Steps are referred to by id, so a step that a later version of a lab drops is
 * simply forgotten.
 */
export const LAB_PROGRESS_VERSION = 1
/** Each lab's progress is saved under its own key, so labs never overwrite each other. */
export const labProgressKey = (labId: string) => `calculus-lab:lab-progress:${labId}`
/** Which lab the panel showed last. */
export const ACTIVE_LAB_KEY = 'calculus-lab:lab-active'

export interface StepAnswer {
  /** What the learner typed last. */
  text: string
  correct: boolean
  /** How many times they pressed Check. */
  tries: number
}

export interface LabProgress {
  version: typeof LAB_PROGRESS_VERSION
  labId: string
  /** Whether the Lab panel was open. */
  open: boolean
  /** The step the learner was on, or null before they started. */
  current: string | null
  completed: string[]
  answers: Record<string, StepAnswer>
  solutionsShown: string[]
}

export function emptyProgress(labId: string): LabProgress {
  return {
    version: LAB_PROGRESS_VERSION,
    labId,
    open: false,
    current: null,
    completed: [],
    answers: {},
    solutionsShown: [],
  }
}

export type ProgressOutcome =
  | { kind: 'empty' }
  | { kind: 'restored'; progress: LabProgress }
  | { kind: 'reset'; reason: string }

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string')

function isAnswer(value: unknown): value is StepAnswer {
  return (
    isRecord(value) &&
    typeof value.text === 'string' &&
    value.text.length <= 200 &&
    typeof value.correct === 'boolean' &&
    Number.isSafeInteger(value.tries) &&
    (value.tries as number) >= 0
  )
}

/** Keeps only what refers to steps of the lab (known ids). */
function restrictTo(progress: LabProgress, stepIds: readonly string[]): LabProgress {
  const known = (id: string) => stepIds.includes(id)
  return {
    ...progress,
    current: progress.current !== null && known(progress.current) ? progress.current : null,
    completed: [...new Set(progress.completed.filter(known))],
    answers: Object.fromEntries(Object.entries(progress.answers).filter(([id]) => known(id))),
    solutionsShown: [...new Set(progress.solutionsShown.filter(known))],
  }
}

export function parseProgress(
  raw: string | null,
  labId: string,
  stepIds: readonly string[],
): ProgressOutcome {
  if (raw === null) return { kind: 'empty' }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { kind: 'reset', reason: 'it could not be read' }
  }
  if (!isRecord(data) || data.version !== LAB_PROGRESS_VERSION) {
    return { kind: 'reset', reason: 'it was saved in an unknown format' }
  }
  const { open, current, completed, answers, solutionsShown } = data
  const valid =
    data.labId === labId &&
    typeof open === 'boolean' &&
    (current === null || typeof current === 'string') &&
    isStringList(completed) &&
    isRecord(answers) &&
    Object.values(answers).every(isAnswer) &&
    isStringList(solutionsShown)
  if (!valid) return { kind: 'reset', reason: 'it is damaged' }
  return { kind: 'restored', progress: restrictTo(data as unknown as LabProgress, stepIds) }
}
