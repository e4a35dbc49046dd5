import { requestDiagnostic, type Diagnostic } from '../protocol/diagnostics'
import { boundedArray, isPlainRecord, ownFields, type Checked } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import { fail, ok, type Result } from '../protocol/result'
import type { Figure } from '../protocol/notebook'
import { figureFromJson, FIGURE_MIME } from './figure'
import { CELL_ID, type CellKind, type IpynbOutput, type NotebookCell } from './notebook'
import type { NotebookDocument } from './notebook'

/**
 * Reads a Jupyter notebook (nbformat 4, https://nbformat.readthedocs.io/en/latest/format_description.html)
 * from untrusted text. Every size is checked before it is walked (LIMITS.ipynb), every field is read by
 * name with the bounded guards, and a file that is not a notebook is refused with one sentence saying
 * where it stops being one ("cell 3: 'source' must be text or a list of lines"), never a stack trace.
 * Parts the app does not show (metadata, attachments, widget state) are skipped, not copied.
 */

const L = LIMITS.ipynb
/** A cell or an output has about ten fields in nbformat; a record past this is not one. */
const FIELDS = LIMITS.maxFields

class NotANotebook {
  constructor(readonly where: string) {}
}

const problem = (where: string): never => {
  throw new NotANotebook(where)
}

function fields(value: unknown, what: string): Record<string, unknown> {
  const read = ownFields(value, FIELDS)
  return read.ok ? read.value : problem(`${what} ${read.problem}`)
}

function items(value: unknown, most: number, what: string): unknown[] {
  const read: Checked<unknown[]> = boundedArray(value, most)
  return read.ok ? read.value : problem(`${what} ${read.problem}`)
}

/** nbformat's multiline string: one string, or a list of strings joined as they are. */
function text(value: unknown, most: number, what: string): string {
  if (typeof value === 'string') {
    return value.length <= most ? value : problem(`${what} is longer than ${most} characters`)
  }
  if (!Array.isArray(value)) return problem(`${what} must be text or a list of lines`)
  let joined = ''
  for (const line of items(value, most, what)) {
    if (typeof line !== 'string') return problem(`${what} must be text or a list of lines`)
    joined += line
    if (joined.length > most) return problem(`${what} is longer than ${most} characters`)
  }
  return joined
}

function executionCount(value: unknown, what: string): number | null {
  if (value === null || value === undefined) return null
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? (value as number)
    : problem(`${what}'s 'execution_count' must be a whole number or null`)
}

/** A display_data / execute_result bundle: text/plain, and image/png and our data for a figure. */
function mimeBundle(
  value: unknown,
  what: string,
): { text: string; png: string | null; figure: Figure | null } {
  const data = fields(value ?? {}, `${what}'s 'data'`)
  const plain =
    data['text/plain'] === undefined ? '' : text(data['text/plain'], L.outputChars, what)
  const png = data['image/png'] === undefined ? null : text(data['image/png'], L.pngChars, what)
  if (png !== null && !/^[A-Za-z0-9+/=\s]*$/.test(png)) {
    return problem(`${what}'s image/png is not base64`)
  }
  const figure = data[FIGURE_MIME] === undefined ? null : figureFromJson(data[FIGURE_MIME])
  return { text: plain, png: png === null ? null : png.replace(/\s+/g, ''), figure }
}

function output(value: unknown, what: string): IpynbOutput {
  const out = fields(value, what)
  switch (out.output_type) {
    case 'stream': {
      const name = out.name
      if (name !== 'stdout' && name !== 'stderr') {
        return problem(`${what}'s stream 'name' must be 'stdout' or 'stderr'`)
      }
      return { kind: 'stream', name, text: text(out.text, L.outputChars, `${what}'s 'text'`) }
    }
    case 'execute_result':
      executionCount(out.execution_count, what)
      return { kind: 'result', text: mimeBundle(out.data, what).text }
    case 'display_data':
      return { kind: 'display', ...mimeBundle(out.data, what) }
    case 'error': {
      const { ename, evalue } = out
      if (typeof ename !== 'string' || ename.length > L.outputChars) {
        return problem(`${what}'s 'ename' must be text`)
      }
      if (typeof evalue !== 'string' || evalue.length > L.outputChars) {
        return problem(`${what}'s 'evalue' must be text`)
      }
      const traceback = items(out.traceback ?? [], L.tracebackLines, `${what}'s 'traceback'`).map(
        (line) =>
          typeof line === 'string' && line.length <= L.outputChars
            ? line
            : problem(`${what}'s 'traceback' must be a list of lines`),
      )
      return { kind: 'error', ename, evalue, traceback }
    }
    default:
      return problem(
        `${what}'s 'output_type' must be stream, execute_result, display_data or error`,
      )
  }
}

function cell(value: unknown, index: number, seen: Set<string>): NotebookCell {
  const what = `cell ${index + 1}`
  const raw = fields(value, what)
  const kind = raw.cell_type
  if (kind !== 'code' && kind !== 'markdown' && kind !== 'raw') {
    return problem(`${what}'s 'cell_type' must be code, markdown or raw`)
  }
  if (raw.metadata !== undefined && !isPlainRecord(raw.metadata)) {
    return problem(`${what}'s 'metadata' must be an object`)
  }
  const source = text(raw.source, L.sourceChars, `${what}'s 'source'`)
  // nbformat 4.5 requires unique ids; older minors have none, and we give each cell its own.
  let id = typeof raw.id === 'string' && CELL_ID.test(raw.id) ? raw.id : `cell-${index + 1}`
  if (raw.id !== undefined && (typeof raw.id !== 'string' || !CELL_ID.test(raw.id))) {
    return problem(`${what}'s 'id' must be 1 to 64 letters, digits, '-' or '_'`)
  }
  while (seen.has(id)) id = `${id}-${index + 1}`
  seen.add(id)
  if (kind !== 'code')
    return { id, kind: kind as CellKind, source, executionCount: null, outputs: [] }
  const outputs = items(raw.outputs ?? [], L.outputsPerCell, `${what}'s 'outputs'`).map((out, i) =>
    output(out, `${what}, output ${i + 1}`),
  )
  return { id, kind, source, executionCount: executionCount(raw.execution_count, what), outputs }
}

function document(data: unknown): NotebookDocument {
  const nb = fields(data, 'the notebook')
  if (nb.nbformat !== 4) {
    return problem(
      typeof nb.nbformat === 'number'
        ? `it is nbformat ${nb.nbformat}; only nbformat 4 can be opened`
        : "it has no 'nbformat' (4)",
    )
  }
  if (!Number.isSafeInteger(nb.nbformat_minor) || (nb.nbformat_minor as number) < 0) {
    return problem("its 'nbformat_minor' must be a whole number")
  }
  if (!isPlainRecord(nb.metadata)) return problem("its 'metadata' must be an object")
  const seen = new Set<string>()
  const cells = items(nb.cells, L.cells, "its 'cells'").map((c, i) => cell(c, i, seen))
  return { cells }
}

/**
 * Reads a notebook already parsed from JSON (the app's own saved state keeps its notebook in this form):
 * the notebook, or why it is not one.
 */
export function notebookFromJson(
  data: unknown,
): { ok: true; value: NotebookDocument } | { ok: false; problem: string } {
  try {
    return { ok: true, value: document(data) }
  } catch (error) {
    if (error instanceof NotANotebook) return { ok: false, problem: error.where }
    throw error
  }
}

const refusal = (name: string, why: string): Diagnostic =>
  requestDiagnostic('file-problem', `${name} is not a notebook Calculus Lab can open: ${why}.`)

/** Reads a .ipynb's text; `name` is how messages call the file ("lab.ipynb"). */
export function readNotebook(source: string, name = 'The file'): Result<NotebookDocument> {
  if (source.length > L.fileChars) {
    return fail(refusal(name, `it is larger than ${L.fileChars / (1024 * 1024)} MB`))
  }
  let data: unknown
  try {
    data = JSON.parse(source)
  } catch {
    return fail(refusal(name, 'it is not JSON'))
  }
  const read = notebookFromJson(data)
  return read.ok ? ok(read.value) : fail(refusal(name, read.problem))
}
