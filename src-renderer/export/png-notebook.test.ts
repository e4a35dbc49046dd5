import { describe, expect, it } from 'vitest'
import type { NotebookDocument } from '../../core/ipynb'
import { starterNotebook } from '../notebook/starter'
import { notebookAction, notebookNameOf } from './png-notebook'

const cell = (kind: 'code' | 'markdown', source: string) => ({
  id: `c${source.length}`,
  kind,
  source,
  executionCount: null,
  outputs: [],
})
const OPENED: NotebookDocument = { cells: [cell('code', 'y = 3'), cell('markdown', '# Mine')] }

describe('notebookAction', () => {
  const starter = starterNotebook()

  it('keeps a notebook that already has the same cells, outputs or not', () => {
    const ran = OPENED.cells.map((c) => ({ ...c, outputs: [{ kind: 'result', text: '3' }] }))
    expect(notebookAction(ran, OPENED, starter)).toBe('keep')
    expect(notebookAction([], { cells: [] }, starter)).toBe('keep')
  })

  it('replaces an empty notebook, one of blank cells, or the untouched starter', () => {
    expect(notebookAction([], OPENED, starter)).toBe('replace')
    expect(notebookAction([cell('code', '  \n')], OPENED, starter)).toBe('replace')
    expect(notebookAction(starter.cells, OPENED, starter)).toBe('replace')
  })

  it('offers the PNG’s notebook beside anything the learner wrote or changed', () => {
    expect(notebookAction([cell('code', 'x = 1')], OPENED, starter)).toBe('offer')
    const edited = starter.cells.map((c, i) => (i === 1 ? { ...c, source: `${c.source}\n` } : c))
    expect(notebookAction(edited, OPENED, starter)).toBe('offer')
    expect(notebookAction([...starter.cells, cell('code', 'y')], OPENED, starter)).toBe('offer')
    const retyped = [cell('markdown', 'y = 3'), cell('markdown', '# Mine')]
    expect(notebookAction(retyped, OPENED, starter)).toBe('offer')
  })
})

describe('notebookNameOf', () => {
  it('names the notebook after the PNG it came from', () => {
    expect(notebookNameOf('calculus-lab-x2.png')).toBe('calculus-lab-x2.ipynb')
    expect(notebookNameOf('Plot.PNG')).toBe('Plot.ipynb')
    expect(notebookNameOf('.png')).toBe('notebook.ipynb')
    expect(notebookNameOf('drawing')).toBe('drawing.ipynb')
  })
})
