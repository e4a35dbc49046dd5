import { notebookFromJson, notebookJson, type NotebookDocument } from '../ipynb'
import { ownFields } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import {
  lastTextBytes,
  latin1Text,
  pngFail,
  pngOk,
  readChunks,
  textChunk,
  withText,
  writeChunks,
  type PngResult,
} from './chunks'
import { asciiJson } from './session'

/**
 * The notebook an exported PNG may carry beside its plot: a tEXt chunk of its own, so that the plot
 * restores whatever happens to the notebook (too large, damaged, from a newer app), and so that an older
 * Calculus Lab, which reads the session chunk only, still opens the file. The cells are kept as nbformat
 * JSON, the form the app saves its notebook in, and read back by the same bounded reader as a .ipynb.
 */
export const NOTEBOOK_KEYWORD = 'Calculus Lab notebook'
const FORMAT = 'calculus-lab/notebook'
const VERSION = 1

const megabytes = (chars: number) => `${(chars / 1024 / 1024).toFixed(1)} MB`

/** The notebook's chunk text, or why it does not fit in a PNG. */
function notebookText(document: NotebookDocument): PngResult<string> {
  const text = asciiJson({ format: FORMAT, version: VERSION, notebook: notebookJson(document) })
  if (text.length > LIMITS.sessionNotebookLength) {
    return pngFail(
      'bad-notebook',
      `The notebook is too large to go inside the PNG (${megabytes(text.length)}; at most ${megabytes(LIMITS.sessionNotebookLength)}). Export without it, or save it as a .ipynb.`,
    )
  }
  return pngOk(text)
}

/** The notebook without its outputs: what the app also keeps when a notebook is too large to save. */
const withoutOutputs = (document: NotebookDocument): NotebookDocument => ({
  cells: document.cells.map((cell) => ({ ...cell, executionCount: null, outputs: [] })),
})

/**
 * Adds (or replaces) the notebook chunk of a PNG. A notebook whose outputs make it too large goes in
 * without them (`outputsDropped`); one whose code alone is too large is refused with what to do.
 */
export function embedNotebook(
  png: Uint8Array,
  document: NotebookDocument,
): PngResult<{ png: Uint8Array; outputsDropped: boolean }> {
  const chunks = readChunks(png)
  if (!chunks.ok) return chunks
  let outputsDropped = false
  let text = notebookText(document)
  if (!text.ok) {
    text = notebookText(withoutOutputs(document))
    outputsDropped = true
  }
  if (!text.ok) return text
  const added = [textChunk(NOTEBOOK_KEYWORD, text.value)]
  return pngOk({ png: writeChunks(withText(chunks.value, added)), outputsDropped })
}

/**
 * The notebook a PNG carries: null when it carries none (every PNG exported before notebooks were kept,
 * and exports without one), or why it cannot be restored. The file is untrusted: the chunk's length is
 * bounded before it is decoded, and the cells are read by core/ipynb's bounded nbformat reader.
 */
export function readNotebookPart(png: Uint8Array): PngResult<NotebookDocument | null> {
  const chunks = readChunks(png)
  if (!chunks.ok) return chunks
  const bytes = lastTextBytes(chunks.value, NOTEBOOK_KEYWORD)
  if (bytes === undefined) return pngOk(null)
  const damaged = (why: string) =>
    pngFail<NotebookDocument | null>(
      'bad-notebook',
      `The notebook saved in this PNG cannot be restored: ${why}.`,
    )
  if (bytes.length > LIMITS.sessionNotebookLength) {
    return damaged(
      `it is ${bytes.length} bytes long; at most ${LIMITS.sessionNotebookLength} are allowed`,
    )
  }
  let data: unknown
  try {
    data = JSON.parse(latin1Text(bytes))
  } catch {
    return damaged('it is not readable')
  }
  const fields = ownFields(data, LIMITS.maxFields)
  if (!fields.ok) return damaged('it is in an unknown format')
  const { format, version, notebook } = fields.value
  if (format !== FORMAT) return damaged('it is in an unknown format')
  if (version !== VERSION) {
    const shown = typeof version === 'number' ? String(version) : 'unknown'
    return damaged(`it was saved by a newer Calculus Lab (version ${shown})`)
  }
  const read = notebookFromJson(notebook)
  return read.ok ? pngOk(read.value) : damaged(read.problem)
}
