import { LIMITS } from '../../core/protocol/limits'
import type { Lab } from '../lessons'
import { isRecordWithin, isStringListWithin, isStringWithin } from './bounded'
import { definePersisted, type Persisted } from './persisted'

/**
 * A lab's saved state: the learner's progress through each lab (one key per lab, so labs never
 * overwrite each other) and which lab the panel showed last. Steps are referred to by id, so a step that
 * a later version of a lab drops is simply forgotten.
 */
export const LAB_PROGRESS_VERSION = 1
export const labProgressKey = (labId: string) => `calculus-lab:lab-progress:${labId}`
export const ACTIVE_LAB_KEY = 'calculus-lab:lab-active'

/** Sizes a saved progress may reach (LIMITS.labProgress). */
export const LAB_PROGRESS_LIMITS = LIMITS.labProgress

export interface StepAnswer {
  /** What the learner typed last (at most LAB_PROGRESS_LIMITS.answerLength characters). */
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
  const version = LAB_PROGRESS_VERSION
  return {
    version,
    labId,
    open: false,
    current: null,
    completed: [],
    answers: {},
    solutionsShown: [],
  }
}

const { steps, stepIdLength, answerLength } = LAB_PROGRESS_LIMITS
const isIdList = (value: unknown): value is string[] =>
  isStringListWithin(value, steps, stepIdLength)

function readAnswer(value: unknown): StepAnswer | null {
  if (!isRecordWithin(value, 3)) return null
  const { text, correct, tries } = value
  const valid =
    isStringWithin(text, answerLength) &&
    typeof correct === 'boolean' &&
    typeof tries === 'number' &&
    Number.isSafeInteger(tries) &&
    tries >= 0
  return valid ? { text, correct, tries } : null
}

/** Checks a saved progress of `lab`, keeping only what refers to steps it has. */
function readProgress(data: Record<string, unknown>, lab: Lab): LabProgress | null {
  const { labId, open, current, completed, answers, solutionsShown } = data
  const valid =
    labId === lab.id &&
    typeof open === 'boolean' &&
    (current === null || isStringWithin(current, stepIdLength)) &&
    isIdList(completed) &&
    isRecordWithin(answers, steps) &&
    isIdList(solutionsShown)
  if (!valid) return null
  const known = new Set(lab.steps.map((step) => step.id))
  const kept: Record<string, StepAnswer> = {}
  for (const [id, saved] of Object.entries(answers)) {
    const answer = readAnswer(saved)
    if (answer === null) return null
    if (known.has(id)) kept[id] = answer
  }
  return {
    ...emptyProgress(lab.id),
    open,
    current: current !== null && known.has(current) ? current : null,
    completed: [...new Set(completed.filter((id) => known.has(id)))],
    answers: kept,
    solutionsShown: [...new Set(solutionsShown.filter((id) => known.has(id)))],
  }
}

/** The saved progress of one lab. Version 1 is the first format: nothing to migrate yet. */
export const savedProgress = (lab: Lab): Persisted<LabProgress> =>
  definePersisted({
    key: labProgressKey(lab.id),
    version: LAB_PROGRESS_VERSION,
    subject: 'it',
    plural: 'lab progress',
    guard: (data) => readProgress(data, lab),
  })

/**
 * Which lab the panel showed last. Version 0 was the bare lab id (not JSON), as the first build wrote it.
 */
export const savedActiveLab = definePersisted<{ labId: string }>({
  key: ACTIVE_LAB_KEY,
  version: 1,
  subject: 'the saved choice',
  plural: 'lab choices',
  guard: ({ labId }) => (isStringWithin(labId, stepIdLength) ? { labId } : null),
  migrations: { 0: (old) => ({ labId: old.labId }) },
  fromText: (raw) => (raw.length <= stepIdLength ? { labId: raw } : null),
})
