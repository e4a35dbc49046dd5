import type { NotebookCell, NotebookDocument } from '../../core/ipynb'
import { isPracticeStep, type Lab, type LessonStep } from '../lessons/types'

/**
 * A lab as a Jupyter notebook, built from its lesson data: a title, the lab's preparation cell (its
 * imports), then per step its explanation as markdown and its PyTorch cell as code. A step whose cell has
 * a pitfall keeps the cell as the lab wrote it, then says what goes wrong and gives the cell that runs.
 * The shipped file (assets/notebooks/) is this, written by scripts/build-lab-notebook.ts.
 */

/** What every lab cell assumes has run: the lab's "Preparation" cell. */
export const LAB_PREPARATION = 'import torch\nimport matplotlib.pylab as plt'

const markdown = (id: string, source: string): NotebookCell => ({
  id,
  kind: 'markdown',
  source,
  executionCount: null,
  outputs: [],
})

const code = (id: string, source: string): NotebookCell => ({
  id,
  kind: 'code',
  source,
  executionCount: null,
  outputs: [],
})

function stepCells(step: LessonStep, index: number): NotebookCell[] {
  const prose = [`## ${index + 1}. ${step.title}`, ...step.explanation]
  if (isPracticeStep(step)) prose.push(`**Practice.** ${step.practice.question}`)
  const cells = [markdown(`${step.id}-text`, prose.join('\n\n')), code(step.id, step.torch)]
  if (step.pitfall) {
    cells.push(
      markdown(
        `${step.id}-pitfall`,
        `Running the cell above as written raises \`${step.pitfall.raises}\`. ${step.pitfall.fix}`,
      ),
      code(`${step.id}-fixed`, step.pitfall.fixed),
    )
  }
  return cells
}

export function labNotebook(lab: Lab): NotebookDocument {
  return {
    cells: [
      markdown(`${lab.id}-title`, `# ${lab.title}\n\n${lab.intro}`),
      code(`${lab.id}-preparation`, `# The libraries this lab uses\n${LAB_PREPARATION}`),
      ...lab.steps.flatMap(stepCells),
    ],
  }
}

/** The shipped file's name. */
export const labNotebookFileName = (lab: Lab) => `${lab.id}.ipynb`
