import { readNotebook, writeNotebook, type NotebookDocument } from '../../core/ipynb'
import { LIMITS } from '../../core/protocol/limits'
import type { Delivery } from './deliver'

export type NotebookOpened =
  | { kind: 'opened'; name: string; document: NotebookDocument }
  | { kind: 'refused'; name: string; message: string }

export const isNotebookFileName = (name: string) => name.toLowerCase().endsWith('.ipynb')

/** A .ipynb from a file input or a drop: read, validated, or refused with what is wrong. */
export async function notebookFromFile(file: File): Promise<NotebookOpened> {
  // A UTF-16 string is never longer than the file's bytes: a file past the limit in bytes may still fit.
  if (file.size > LIMITS.ipynb.fileChars * 3) {
    return {
      kind: 'refused',
      name: file.name,
      message: `${file.name} is too large to be a notebook.`,
    }
  }
  const read = readNotebook(await file.text(), file.name)
  return read.ok
    ? { kind: 'opened', name: file.name, document: read.value }
    : { kind: 'refused', name: file.name, message: read.diagnostics[0]?.message ?? '' }
}

/** Hands the notebook to the learner as a .ipynb download (Electron asks where to save it). */
export function deliverNotebook(document: NotebookDocument, suggestedName: string): Delivery {
  const text = writeNotebook(document)
  const url = URL.createObjectURL(new Blob([text], { type: 'application/x-ipynb+json' }))
  const link = window.document.createElement('a')
  link.href = url
  link.download = suggestedName
  window.document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return { kind: 'downloaded', name: suggestedName }
}
