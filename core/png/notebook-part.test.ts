import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import type { NotebookDocument } from '../ipynb'
import { LIMITS } from '../protocol/limits'
import { HANG_MS, timed } from '../test-support/hostile'
import { readChunks, textChunk, withText, writeChunks } from './chunks'
import { embedNotebook, NOTEBOOK_KEYWORD, readNotebookPart } from './notebook-part'
import { asciiJson, embedSession, readSession, type PlotSession } from './session'

const foreignPng = () => new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })))

const SESSION: PlotSession = {
  expression: 'x^2',
  point: { x: 2 },
  wrt: 'x',
  domain: [-5, 5],
  yRange: null,
  samples: null,
  showSecond: false,
}

const NOTEBOOK: NotebookDocument = {
  cells: [
    { id: 'intro', kind: 'markdown', source: '# π and ∂f/∂x', executionCount: null, outputs: [] },
    {
      id: 'grad',
      kind: 'code',
      source: 'x = torch.tensor(2.0, requires_grad=True)\n(x ** 2).backward()\nx.grad',
      executionCount: 3,
      outputs: [
        { kind: 'stream', name: 'stdout', text: 'hello\n' },
        { kind: 'result', text: 'tensor(4.)' },
      ],
    },
  ],
}

function plotPng(): Uint8Array {
  const embedded = embedSession(foreignPng(), SESSION)
  if (!embedded.ok) throw new Error(embedded.problem.message)
  return embedded.value
}

function withNotebookText(text: string): Uint8Array {
  const chunks = readChunks(plotPng())
  if (!chunks.ok) throw new Error(chunks.problem.message)
  return writeChunks(withText(chunks.value, [textChunk(NOTEBOOK_KEYWORD, text)]))
}

const refusal = (png: Uint8Array) => {
  const { result, ms } = timed(() => readNotebookPart(png))
  expect(ms).toBeLessThan(HANG_MS)
  return result.ok ? null : result.problem.message
}
const damaged = (why: string) => `The notebook saved in this PNG cannot be restored: ${why}.`

describe('the notebook in an exported PNG', () => {
  it('round-trips the cells and outputs, beside a session that still reads', () => {
    const embedded = embedNotebook(plotPng(), NOTEBOOK)
    expect(embedded.ok && embedded.value.outputsDropped).toBe(false)
    const png = embedded.ok ? embedded.value.png : new Uint8Array()
    expect(readNotebookPart(png)).toEqual({ ok: true, value: NOTEBOOK })
    expect(readSession(png)).toEqual({ ok: true, value: SESSION })
    // tEXt is Latin-1: the chunk holds ASCII only, π and ∂ as \u escapes; an independent decoder reads it.
    const chunks = readChunks(png)
    const part = chunks.ok ? chunks.value.at(-2) : undefined
    expect(part?.type).toBe('tEXt')
    expect(part?.data.every((byte) => byte < 0x80)).toBe(true)
    expect(PNG.sync.read(Buffer.from(png)).width).toBe(1)
  })

  it('replaces the notebook of a PNG exported again, never keeping two', () => {
    const first = embedNotebook(plotPng(), NOTEBOOK)
    const again = first.ok ? embedNotebook(first.value.png, { cells: [] }) : first
    const png = again.ok ? again.value.png : new Uint8Array()
    const chunks = readChunks(png)
    const texts = chunks.ok ? chunks.value.filter((chunk) => chunk.type === 'tEXt') : []
    expect(texts).toHaveLength(3) // Software, the session and one notebook
    expect(readNotebookPart(png)).toEqual({ ok: true, value: { cells: [] } })
  })

  it('is absent (null) from a PNG exported without it, or before notebooks were kept', () => {
    expect(readNotebookPart(plotPng())).toEqual({ ok: true, value: null })
    expect(readNotebookPart(foreignPng())).toEqual({ ok: true, value: null })
  })

  it('drops the outputs of a notebook too large with them, and refuses one whose code is too large', () => {
    const big = 'x'.repeat(LIMITS.ipynb.outputChars - 10)
    const heavy: NotebookDocument = {
      cells: Array.from({ length: 6 }, (_, i) => ({
        id: `c${i}`,
        kind: 'code' as const,
        source: `print(${i})`,
        executionCount: i + 1,
        outputs: [{ kind: 'stream' as const, name: 'stdout' as const, text: big }],
      })),
    }
    const embedded = embedNotebook(plotPng(), heavy)
    expect(embedded.ok && embedded.value.outputsDropped).toBe(true)
    const read = readNotebookPart(embedded.ok ? embedded.value.png : new Uint8Array())
    expect(read.ok && read.value?.cells.map((cell) => [cell.source, cell.outputs])).toEqual(
      heavy.cells.map((cell) => [cell.source, []]),
    )

    const source = 'y'.repeat(LIMITS.ipynb.sourceChars)
    const long: NotebookDocument = {
      cells: Array.from({ length: 50 }, (_, i) => ({
        id: `c${i}`,
        kind: 'code' as const,
        source,
        executionCount: null,
        outputs: [],
      })),
    }
    const refused = embedNotebook(plotPng(), long)
    expect(refused.ok ? '' : refused.problem.message).toBe(
      'The notebook is too large to go inside the PNG (4.8 MB; at most 4.0 MB). Export without it, or save it as a .ipynb.',
    )
  })
})

describe('reading a hostile notebook part', () => {
  const nbformat = { cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }
  const part = (fields: Record<string, unknown>) =>
    asciiJson({ format: 'calculus-lab/notebook', version: 1, notebook: nbformat, ...fields })

  it('refuses JSON nested 100000 levels deep, and a notebook of 100000 cells, quickly', () => {
    const deep = `{"format": "calculus-lab/notebook", "version": 1, "notebook": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(refusal(withNotebookText(deep))).toMatch(
      /^The notebook saved in this PNG cannot be restored: .+\.$/,
    )
    const many = part({ notebook: { ...nbformat, cells: new Array(100_000).fill(0) } })
    expect(refusal(withNotebookText(many))).toBe(
      damaged(`its 'cells' has 100000 items; at most ${LIMITS.ipynb.cells} are allowed`),
    )
  })

  it('refuses a part over the size limit by its length, before decoding it', () => {
    const text = ' '.repeat(LIMITS.sessionNotebookLength + 1)
    expect(refusal(withNotebookText(text))).toBe(
      damaged(
        `it is ${text.length} bytes long; at most ${LIMITS.sessionNotebookLength} are allowed`,
      ),
    )
    // The plot itself still restores.
    expect(readSession(withNotebookText(text))).toEqual({ ok: true, value: SESSION })
  })

  it.each([
    ['not JSON', '{"format": ', damaged('it is not readable')],
    ['an array', '[1, 2]', damaged('it is in an unknown format')],
    ['another format', part({ format: 'jupyter' }), damaged('it is in an unknown format')],
    [
      'a newer version',
      part({ version: 2 }),
      damaged('it was saved by a newer Calculus Lab (version 2)'),
    ],
    [
      'nbformat 3',
      part({ notebook: { ...nbformat, nbformat: 3 } }),
      damaged('it is nbformat 3; only nbformat 4 can be opened'),
    ],
    [
      'a cell of the wrong type',
      part({ notebook: { ...nbformat, cells: [{ cell_type: 'widget', source: '' }] } }),
      damaged("cell 1's 'cell_type' must be code, markdown or raw"),
    ],
    [
      'too many cells',
      part({
        notebook: {
          ...nbformat,
          cells: new Array(LIMITS.ipynb.cells + 1).fill({ cell_type: 'raw', source: '' }),
        },
      }),
      damaged(
        `its 'cells' has ${LIMITS.ipynb.cells + 1} items; at most ${LIMITS.ipynb.cells} are allowed`,
      ),
    ],
    [
      'a __proto__ key',
      '{"__proto__": {"polluted": 1}, "format": "calculus-lab/notebook", "version": 1}',
      null,
    ],
  ])('refuses %s with a sentence, never a throw', (_name, text, message) => {
    const why = refusal(withNotebookText(text))
    if (message !== null) expect(why).toBe(message)
    else expect(why).toMatch(/^The notebook saved in this PNG cannot be restored: .+\.$/)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(readSession(withNotebookText(text))).toEqual({ ok: true, value: SESSION })
  })
})
