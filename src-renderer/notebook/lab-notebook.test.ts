import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNotebook, writeNotebook } from '../../core/ipynb'
import { NotebookSessions } from '../../core/notebook'
import { LABS } from '../lessons'
import { LAB_PREPARATION, labNotebook, labNotebookFileName } from './lab-notebook'

describe('the lab as a notebook', () => {
  it.each(LABS.map((lab) => [lab.id, lab] as const))(
    'the shipped %s.ipynb is up to date with the lesson data (npm run build:notebooks)',
    (_id, lab) => {
      const shipped = readFileSync(
        // The renderer's tests run in happy-dom, whose import.meta.url is not a file: from the root.
        resolve(process.cwd(), 'assets', 'notebooks', labNotebookFileName(lab)),
        'utf8',
      )
      expect(shipped).toBe(writeNotebook(labNotebook(lab)))
    },
  )

  it('opens in the app as it was built: every step has its explanation and its cell', () => {
    const lab = LABS[0]!
    const read = readNotebook(writeNotebook(labNotebook(lab)))
    expect(read.ok).toBe(true)
    if (!read.ok) return
    const code = read.value.cells.filter((cell) => cell.kind === 'code').map((cell) => cell.source)
    for (const step of lab.steps) expect(code).toContain(step.torch)
    expect(code[0]).toContain('import torch')
  })

  it('keeps the partial-derivative cell as the lab wrote it, then its fix', () => {
    const cells = labNotebook(LABS[0]!).cells
    const at = cells.findIndex((cell) => cell.id === 'partials-uv')
    expect(cells[at]?.source).not.toContain('u = torch.tensor')
    expect(cells[at + 1]?.source).toContain("NameError: name 'u' is not defined")
    expect(cells[at + 2]?.source).toContain('u = torch.tensor(1.0, requires_grad=True)')
  })
})

describe("the lab's cells on the notebook's interpreter", () => {
  const run = (source: string) => {
    const sessions = new NotebookSessions()
    sessions.run({ session: 's', source: LAB_PREPARATION })
    return sessions.run({ session: 's', source })
  }
  /** What a cell's `print(…)  # tensor(4.)` comments say it prints, in order. */
  const promised = (source: string) =>
    [...source.matchAll(/^print\(.*\)\s+# (.+)$/gm)].map((match) => match[1])

  it.each(LABS[0]!.steps.map((step) => [step.id, step] as const))(
    '%s prints what its comments say',
    (_id, step) => {
      const source = step.pitfall?.fixed ?? step.torch
      const result = run(source)
      expect(result.status).toBe('ok')
      const stdout = result.outputs
        .map((out) => (out.type === 'stream' ? out.text : ''))
        .join('')
        .split('\n')
      for (const line of promised(source)) expect(stdout).toContain(line)
    },
  )

  it("a pitfall raises what the step says, as the traceback's last line", () => {
    for (const step of LABS[0]!.steps) {
      if (!step.pitfall) continue
      const result = run(step.torch)
      const error = result.outputs.find((out) => out.type === 'error')
      expect(error?.type === 'error' && error.traceback.at(-1)).toBe(step.pitfall.raises)
    }
  })
})
