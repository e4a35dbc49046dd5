import { describe, expect, it } from 'vitest'
import type { NotebookDocument } from '../../core/ipynb'
import { starterNotebook } from '../notebook/starter'
import { notebookNameOf, replacesNothing } from './png-notebook'

const cell = (kind: 'code' | 'markdown', source: string) => ({
  id: `c${source.length}`,
  kind,
  source,
  executionCount: null,
  outputs: [],
})
const OPENED: NotebookDocument = { cells: [cell('code', 'y = 3'), cell('markdown', '# Mine')] }

describe('replacesNothing', () => {
  it('replaces an empty notebook, one of blank cells, the untouched starter, or the same cells', () => {
    const starter = starterNotebook()
    expect(replacesNothing([], OPENED, starter)).toBe(true)
    expect(replacesNothing([cell('code', '  \n')], OPENED, starter)).toBe(true)
    expect(replacesNothing(starter.cells, OPENED, starter)).toBe(true)
    expect(
      replacesNothing(
        OPENED.cells.map((c) => ({ ...c })),
        OPENED,
        starter,
      ),
    ).toBe(true)
  })

  it('keeps a notebook with anything the learner wrote or changed', () => {
    const starter = starterNotebook()
    expect(replacesNothing([cell('code', 'x = 1')], OPENED, starter)).toBe(false)
    const edited = starter.cells.map((c, i) => (i === 1 ? { ...c, source: `${c.source}\n` } : c))
    expect(replacesNothing(edited, OPENED, starter)).toBe(false)
    expect(replacesNothing([...starter.cells, cell('code', '')], OPENED, starter)).toBe(false)
    const retyped = [cell('markdown', 'y = 3'), cell('markdown', '# Mine')]
    expect(replacesNothing(retyped, OPENED, starter)).toBe(false)
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
