import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { LessonStep } from '../lessons/types'
import { notebookKernel } from '../notebook/kernel'
import { LAB_PREPARATION } from '../notebook/lab-notebook'
import { labSession, startingSource } from '../notebook/lab-cells'
import type { ShownOutput } from '../notebook/outputs'

export interface LabCell {
  source: string
  executionCount: number | null
  outputs: ShownOutput[]
  running: boolean
  /** The last line of the last error's traceback, when the last run raised one. */
  raised: string | null
}

/**
 * The runnable cell of each lab step: its code (the lab's, until the learner edits it), and what running
 * it printed. Each step runs in a namespace of its own in which the lab's preparation cell (its imports)
 * ran first, so a step's cell runs as it would in the lab's notebook, and never sees another step's x.
 */
export const useLabCellsStore = defineStore('lab-cells', () => {
  const cells = ref<Record<string, LabCell>>({})
  const problem = ref<string | null>(null)
  const prepared = new Set<string>()

  function cellOf(step: LessonStep): LabCell {
    cells.value[step.id] ??= {
      source: startingSource(step),
      executionCount: null,
      outputs: [],
      running: false,
      raised: null,
    }
    return cells.value[step.id] as LabCell
  }

  function setSource(step: LessonStep, source: string): void {
    cellOf(step).source = source
  }

  /** Back to the lab's code, in a fresh namespace. */
  async function reset(step: LessonStep): Promise<void> {
    const cell = cellOf(step)
    Object.assign(cell, {
      source: startingSource(step),
      executionCount: null,
      outputs: [],
      raised: null,
    })
    prepared.delete(step.id)
    await notebookKernel().restartNotebook({ session: labSession(step.id) })
  }

  async function prepare(stepId: string): Promise<boolean> {
    if (prepared.has(stepId)) return true
    const session = labSession(stepId)
    const kernel = notebookKernel()
    const restarted = await kernel.restartNotebook({ session })
    const ran = restarted.ok
      ? await kernel.runCell({ session, source: LAB_PREPARATION })
      : restarted
    if (!ran.ok) {
      problem.value = ran.diagnostics[0]?.message ?? 'The core did not answer.'
      return false
    }
    prepared.add(stepId)
    return true
  }

  /** Runs the step's cell; resolves to what it printed (null when the core could not be asked). */
  async function run(step: LessonStep): Promise<LabCell | null> {
    const cell = cellOf(step)
    if (cell.running) return null
    cell.running = true
    try {
      if (!(await prepare(step.id))) return null
      const result = await notebookKernel().runCell({
        session: labSession(step.id),
        source: cell.source,
        cellId: step.id,
      })
      if (!result.ok) {
        problem.value = result.diagnostics[0]?.message ?? 'The core did not answer.'
        prepared.delete(step.id)
        return null
      }
      problem.value = null
      const error = [...result.value.outputs].reverse().find((out) => out.type === 'error')
      Object.assign(cell, {
        // The preparation cell was In [1]: the learner's runs count from 1 in the step's own numbering.
        executionCount: result.value.executionCount - 1,
        outputs: result.value.outputs,
        raised: error?.type === 'error' ? (error.traceback.at(-1) ?? null) : null,
      })
      return cell
    } finally {
      cell.running = false
    }
  }

  return { cells, problem, cellOf, setSource, reset, run }
})
