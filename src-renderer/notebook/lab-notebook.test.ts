import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNotebook, writeNotebook } from '../../core/ipynb'
import { LABS } from '../lessons'
import { labNotebook, labNotebookFileName } from './lab-notebook'

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
