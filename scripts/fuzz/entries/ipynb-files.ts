import fc from 'fast-check'
import {
  CELL_ID,
  notebookJson,
  readNotebook,
  writeNotebook,
  type IpynbOutput,
  type NotebookCell,
  type NotebookDocument,
} from '../../../core/ipynb'
import { LIMITS } from '../../../core/protocol/limits'
import { MATPLOTLIB_CYCLE } from '../../../core/protocol/notebook'
import { applyEdits, editedRequest, type Edit } from '../generators/requests'
import { finding, preview, type Entry, type Finding } from '../harness'

/**
 * .ipynb files as File › Open… meets them (core/ipynb readNotebook): notebooks the app could have
 * written (every cell kind and output type, figures included) written and read back, which must come
 * back equal; the same files damaged character by character; and their nbformat JSON edited field by
 * field (the notebook's fields and one cell's) with wrong, missing, extra and huge values.
 */

const text = fc.string({ unit: 'binary', maxLength: 120 })
const line = fc.string({ maxLength: 40 })

const figure = fc.record({
  series: fc.array(
    fc
      .record({
        points: fc.array(
          fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double()),
          {
            maxLength: 8,
          },
        ),
        label: fc.option(line),
        cycle: fc.nat({ max: 9 }),
      })
      .map(({ points, label, cycle }) => ({
        x: points.map(([x]) => x),
        // JSON has no infinity: the writer keeps only finite numbers and NaN (as null).
        y: points.map(([, y]) => (Number.isFinite(y) ? y : Number.NaN)),
        label,
        color: MATPLOTLIB_CYCLE[cycle]!,
        cycle: `C${cycle}`,
      })),
    { maxLength: 3 },
  ),
  xlabel: line,
  ylabel: line,
  title: line,
  legend: fc.boolean(),
})

const output: fc.Arbitrary<IpynbOutput> = fc.oneof(
  fc.record({
    kind: fc.constant('stream' as const),
    name: fc.constantFrom('stdout' as const, 'stderr' as const),
    text,
  }),
  fc.record({ kind: fc.constant('result' as const), text }),
  fc.record({
    kind: fc.constant('error' as const),
    ename: line,
    evalue: text,
    traceback: fc.array(line, { maxLength: 5 }),
  }),
  fc.record({
    kind: fc.constant('display' as const),
    text,
    png: fc.option(fc.base64String({ maxLength: 40 })),
    figure: fc.option(figure),
  }),
)

const cell = (index: number): fc.Arbitrary<NotebookCell> =>
  fc
    .record({
      kind: fc.constantFrom('code' as const, 'markdown' as const, 'raw' as const),
      source: text,
      executionCount: fc.option(fc.nat({ max: 10_000 })),
      outputs: fc.array(output, { maxLength: 4 }),
    })
    .map(({ kind, source, executionCount, outputs }) => ({
      id: `cell-${index}`,
      kind,
      source,
      executionCount: kind === 'code' ? executionCount : null,
      outputs: kind === 'code' ? outputs : [],
    }))

const validNotebook: fc.Arbitrary<NotebookDocument> = fc
  .nat({ max: 6 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => cell(i))))
  .map((cells) => ({ cells }))

type Damage =
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'truncate'; at: number }

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 30 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom('"', ',', '[', ']', '{', '}', 'null', '-1', '1e999', '"\\u0000"', ' '),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
)

function damaged(file: string, damages: readonly Damage[]): string {
  let out = file
  for (const change of damages) {
    const at = change.at % Math.max(1, out.length)
    if (change.kind === 'cut') out = out.slice(0, at) + out.slice(at + change.length)
    else if (change.kind === 'insert') out = out.slice(0, at) + change.text + out.slice(at)
    else out = out.slice(0, at)
  }
  return out
}

export type IpynbInput =
  | { kind: 'round-trip'; notebook: NotebookDocument }
  | { kind: 'text'; notebook: NotebookDocument; damages: Damage[] }
  | { kind: 'json'; notebook: NotebookDocument; edits: Edit[]; cellEdits: Edit[] }

const NOTEBOOK_FIELDS = ['cells', 'metadata', 'nbformat', 'nbformat_minor']
const CELL_FIELDS = ['cell_type', 'id', 'metadata', 'source', 'outputs', 'execution_count']

const inputs: fc.Arbitrary<IpynbInput> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant('round-trip' as const), notebook: validNotebook }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      notebook: validNotebook,
      damages: fc.array(damage, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        top: editedRequest(validNotebook, NOTEBOOK_FIELDS, true),
        cell: editedRequest(fc.constant({}), CELL_FIELDS, true),
      })
      .map(({ top, cell: one }) => ({
        kind: 'json' as const,
        notebook: top.base,
        edits: top.edits,
        cellEdits: one.edits,
      })),
  },
)

function fileOf(input: IpynbInput): string {
  if (input.kind === 'round-trip') return writeNotebook(input.notebook)
  if (input.kind === 'text') return damaged(writeNotebook(input.notebook), input.damages)
  const json = notebookJson(input.notebook) as { cells: Record<string, unknown>[] }
  const cells = json.cells.length > 0 ? json.cells : [{ cell_type: 'code', source: '' }]
  const edited = { ...json, cells: [applyEdits(cells[0]!, input.cellEdits), ...cells.slice(1)] }
  try {
    return JSON.stringify(applyEdits(edited, input.edits)) ?? 'undefined'
  } catch {
    return '{'
  }
}

/** What an accepted notebook must be, from nbformat and LIMITS.ipynb, not from the reader. */
function notebookRule(notebook: NotebookDocument): string | null {
  const { cells, sourceChars, outputsPerCell } = LIMITS.ipynb
  if (!Array.isArray(notebook.cells) || notebook.cells.length > cells) return 'too many cells'
  const ids = new Set<string>()
  for (const c of notebook.cells) {
    if (!CELL_ID.test(c.id) || ids.has(c.id)) return `a bad or repeated id ${preview(c.id)}`
    ids.add(c.id)
    if (!['code', 'markdown', 'raw'].includes(c.kind)) return `a cell of kind ${preview(c.kind)}`
    if (typeof c.source !== 'string' || c.source.length > sourceChars) return 'a bad source'
    if (c.kind !== 'code' && c.outputs.length > 0) return 'outputs on a non-code cell'
    if (c.outputs.length > outputsPerCell) return 'too many outputs'
    const count = c.executionCount
    if (count !== null && !(Number.isSafeInteger(count) && count >= 0))
      return 'a bad execution count'
  }
  return null
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export const ipynbFiles: Entry<IpynbInput, { input: IpynbInput; file: string }> = {
  name: 'ipynb',
  covers: 'core/ipynb readNotebook of damaged and edited files; writeNotebook then readNotebook',
  arbitrary: () => inputs,
  prepare: (input) => ({ input, file: fileOf(input) }),
  check({ input, file }) {
    const read = readNotebook(file, 'fuzz.ipynb')
    const findings: Finding[] = []
    if (typeof read !== 'object' || read === null || typeof read.ok !== 'boolean')
      return [finding('notResult', 'ipynb-result', 'readNotebook answered no Result')]
    if (!read.ok) {
      const [first] = read.diagnostics
      if (first?.code !== 'file-problem' || !first.message)
        findings.push(finding('notResult', 'ipynb-problem', `a refusal without file-problem`))
      if (input.kind === 'round-trip')
        findings.push(
          finding(
            'dataLost',
            'ipynb-round-trip',
            `a notebook we wrote was refused: ${first?.message}`,
          ),
        )
      return findings
    }
    const broken = notebookRule(read.value)
    if (broken) findings.push(finding('badAccepted', 'ipynb-notebook', `accepted ${broken}`))
    if (input.kind === 'round-trip' && !same(read.value, input.notebook))
      findings.push(
        finding(
          'dataLost',
          'ipynb-round-trip',
          'the notebook read back differs from the one written',
        ),
      )
    return findings
  },
  describe: (input) => `${input.kind} ${preview(input)}`,
}
