import { LIMITS } from '../protocol/limits'
import { PyError } from './errors'

/**
 * The step budget of the cell that is running (one cell at a time: the worker is single-threaded). One
 * step per statement, expression node and loop iteration, one per tensor element computed. Counting steps,
 * not time, makes a cell's fate the same on every machine and every run.
 */
let steps = 0
let loops = 0

export function resetBudget(): void {
  steps = 0
  loops = 0
}

export function charge(count: number): void {
  steps += count
  if (steps > LIMITS.notebook.stepBudget)
    throw new PyError(
      'StepLimitError',
      `this cell did more than ${LIMITS.notebook.stepBudget.toLocaleString('en-US')} steps of work and was stopped (the notebook's limit; a loop may not end, or it is too long)`,
    )
}

export function chargeIteration(): void {
  loops += 1
  if (loops > LIMITS.notebook.loopIterations)
    throw new PyError(
      'StepLimitError',
      `this cell's loops ran more than ${LIMITS.notebook.loopIterations.toLocaleString('en-US')} iterations and were stopped (the notebook's limit)`,
    )
  charge(1)
}

export const stepsTaken = (): number => steps
