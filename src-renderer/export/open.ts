import { readNotebook, type NotebookDocument } from '../../core/ipynb'
import { readNotebookPart } from '../../core/png/notebook-part'
import { readSession, type PlotSession } from '../../core/png/session'
import { LIMITS } from '../../core/protocol/limits'
import { desktopBridge } from '../api/desktop'

export type OpenOutcome =
  | {
      kind: 'opened'
      name: string
      session: PlotSession
      /** The notebook the PNG carries (absent from most); or why it cannot be restored. */
      notebook?: NotebookDocument
      notebookProblem?: string
    }
  | { kind: 'notebook'; name: string; document: NotebookDocument }
  | { kind: 'cancelled' }
  | { kind: 'refused'; name: string; message: string }

export const isNotebookFileName = (name: string) => name.toLowerCase().endsWith('.ipynb')

/** A .ipynb's bytes (UTF-8 JSON) as a notebook, or why it is not one. */
export function notebookFromBytes(name: string, bytes: Uint8Array): OpenOutcome {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  const read = readNotebook(text, name)
  return read.ok
    ? { kind: 'notebook', name, document: read.value }
    : { kind: 'refused', name, message: read.diagnostics[0]?.message ?? '' }
}

/**
 * Reads what an opened file carries: a notebook for a .ipynb, else the plot a PNG carries and the
 * notebook it may carry beside it; a file that is neither gets a message that says what is wrong. A
 * notebook that cannot be restored never stops the plot from restoring.
 */
export function sessionFromPng(name: string, bytes: Uint8Array): OpenOutcome {
  if (isNotebookFileName(name)) return notebookFromBytes(name, bytes)
  const session = readSession(bytes)
  if (!session.ok) return { kind: 'refused', name, message: session.problem.message }
  const notebook = readNotebookPart(bytes)
  if (!notebook.ok)
    return {
      kind: 'opened',
      name,
      session: session.value,
      notebookProblem: notebook.problem.message,
    }
  return notebook.value === null
    ? { kind: 'opened', name, session: session.value }
    : { kind: 'opened', name, session: session.value, notebook: notebook.value }
}

/** Lets the learner pick a PNG: the native dialog in the desktop app. */
export async function openPngWithDialog(): Promise<OpenOutcome> {
  const bridge = desktopBridge()
  if (!bridge) return { kind: 'cancelled' }
  const result = await bridge.openPng()
  if (!result.ok) {
    return {
      kind: 'refused',
      name: '',
      message: result.diagnostics[0]?.message ?? 'The file could not be opened.',
    }
  }
  return result.value.opened
    ? sessionFromPng(result.value.name, result.value.bytes)
    : { kind: 'cancelled' }
}

/** A file from a file input or a drop (the web build, and drops in the desktop app). */
export async function sessionFromFile(file: File): Promise<OpenOutcome> {
  if (isNotebookFileName(file.name)) {
    if (file.size > LIMITS.ipynb.fileChars) {
      return { kind: 'refused', name: file.name, message: `${file.name} is too large to open.` }
    }
    return notebookFromBytes(file.name, new Uint8Array(await file.arrayBuffer()))
  }
  if (file.size > LIMITS.maxPngBytes) {
    return {
      kind: 'refused',
      name: file.name,
      message: 'This file is too large to be a Calculus Lab plot.',
    }
  }
  return sessionFromPng(file.name, new Uint8Array(await file.arrayBuffer()))
}
