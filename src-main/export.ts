import { constants } from 'node:fs'
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import { writeFileAtomically } from '../core/node/atomic-write'
import { hasPngSignature } from '../core/png/chunks'
import type {
  OpenPngResult,
  SaveNotebookRequest,
  SaveNotebookResult,
  SavePngRequest,
  SavePngResult,
} from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic } from '../core/protocol/diagnostics'
import { LIMITS } from '../core/protocol/limits'
import { fail, ok, type Result } from '../core/protocol/result'
import { isOpenableNotebook } from './notebook-payload'
import { sanitizeFileName, type SavedExtension } from './png-payload'

/**
 * Saving and opening the PNGs the renderer makes, and saving its notebooks. The request was validated
 * (png-payload.ts, notebook-payload.ts) before it gets here; the content is checked once more right before
 * writing, since this is the last line before the disk.
 */
export interface FileDialogs {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog' | 'showMessageBox'>
  /** The window the dialog belongs to (modal to it). */
  window: BrowserWindow | null
  /** Where the save dialog starts, e.g. the user's Pictures folder. */
  defaultDirectory: string
}

/** A file the learner chose cannot be used: their problem to fix, not the app's internal error. */
const fileProblem = (what: string) =>
  fail(requestDiagnostic('file-problem', MESSAGES.fileProblem(what)))
const reasonOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error)

const SAVE_PROPERTIES: ('createDirectory' | 'showOverwriteConfirmation')[] = [
  'createDirectory',
  'showOverwriteConfirmation',
]

/** What differs between saving a plot and saving a notebook. */
interface SaveKind {
  title: string
  extension: SavedExtension
  filter: { name: string; extensions: string[] }
}
const PNG_KIND: SaveKind = {
  title: 'Export PNG',
  extension: 'png',
  filter: { name: 'PNG image', extensions: ['png'] },
}
const NOTEBOOK_KIND: SaveKind = {
  title: 'Export notebook',
  extension: 'ipynb',
  filter: { name: 'Jupyter notebook', extensions: ['ipynb'] },
}

/** The save dialog, then an atomic write where the learner chose; saved: false when they cancel. */
async function saveWithDialog(
  kind: SaveKind,
  bytes: Uint8Array,
  suggestedName: string,
  { dialog, window, defaultDirectory }: FileDialogs,
): Promise<Result<SavePngResult>> {
  const options = {
    title: kind.title,
    defaultPath: join(defaultDirectory, sanitizeFileName(suggestedName, kind.extension)),
    filters: [kind.filter],
    properties: SAVE_PROPERTIES,
  }
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return ok({ saved: false })
  const target = await targetWithExtension(choice.filePath, kind, dialog, window)
  if (target === null) return ok({ saved: false })
  try {
    await writeFileAtomically(target, bytes)
  } catch (error) {
    return fileProblem(`could not write ${basename(target)} (${reasonOf(error)})`)
  }
  return ok({ saved: true, path: target })
}

export async function savePng(
  request: SavePngRequest,
  dialogs: FileDialogs,
): Promise<Result<SavePngResult>> {
  if (!hasPngSignature(request.bytes) || request.bytes.byteLength > LIMITS.maxPngBytes)
    return fail(
      requestDiagnostic('invalid-request', MESSAGES.invalidRequest('bytes', 'is not a PNG image')),
    )
  return saveWithDialog(PNG_KIND, request.bytes, request.suggestedName, dialogs)
}

/** File › Export notebook: the .ipynb text as UTF-8, written as savePng writes a PNG. */
export async function saveNotebook(
  request: SaveNotebookRequest,
  dialogs: FileDialogs,
): Promise<Result<SaveNotebookResult>> {
  if (!isOpenableNotebook(request.text))
    return fail(
      requestDiagnostic(
        'invalid-request',
        MESSAGES.invalidRequest('text', 'is not an nbformat 4 notebook'),
      ),
    )
  const bytes = new TextEncoder().encode(request.text)
  return saveWithDialog(NOTEBOOK_KIND, bytes, request.suggestedName, dialogs)
}

export async function openPng({
  dialog,
  window,
  defaultDirectory,
}: FileDialogs): Promise<Result<OpenPngResult>> {
  const options = {
    title: 'Open',
    defaultPath: defaultDirectory,
    // A PNG the app exported (its plot), or a Jupyter notebook for the notebook view.
    filters: [
      { name: 'Plots and notebooks', extensions: ['png', 'ipynb'] },
      { name: 'PNG image', extensions: ['png'] },
      { name: 'Jupyter notebook', extensions: ['ipynb'] },
    ],
    properties: ['openFile'] as 'openFile'[],
  }
  const choice = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  const path = choice.filePaths[0]
  if (choice.canceled || !path) return ok({ opened: false })
  const name = basename(path)
  try {
    return await readPngFile(path, name)
  } catch (error) {
    return fileProblem(`could not read ${name} (${reasonOf(error)})`)
  }
}

/**
 * Where to write. Some Linux dialogs return the name exactly as typed, without the filter's ending (`.png`,
 * `.ipynb`); the file should still say what it is, but `plot` + `.png` may name a file the dialog's
 * overwrite question never covered (it asked about `plot`). So, as a careful desktop app does, ask once
 * more before replacing that file; null when the learner declines.
 */
async function targetWithExtension(
  chosen: string,
  kind: SaveKind,
  dialog: FileDialogs['dialog'],
  window: BrowserWindow | null,
): Promise<string | null> {
  const ending = `.${kind.extension}`
  if (extname(chosen).toLowerCase() === ending) return chosen
  const target = `${chosen}${ending}`
  if (!(await exists(target))) return target
  const options = {
    type: 'warning' as const,
    title: kind.title,
    message: `${basename(target)} already exists. Do you want to replace it?`,
    detail: `The name you typed had no ${ending} ending, so Calculus Lab added it.`,
    buttons: ['Replace', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
  }
  const answer = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options)
  return answer.response === 0 ? target : null
}

/** Whether anything (a file, a folder, a dangling link) has this name; unknown counts as yes. */
async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path)
    return true
  } catch (error) {
    return !(error instanceof Error && 'code' in error && error.code === 'ENOENT')
  }
}

/**
 * Opening flags that never wait: a FIFO opened for reading blocks until a writer comes, and would hold
 * one of libuv's four threads forever; non-blocking, it opens at once and is refused by its type. Not
 * following a link at the last step means a link swapped in after realpath fails instead of being read.
 * (Both flags are POSIX; Windows has neither FIFOs of this kind nor these constants.)
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0)
const READ_CHUNK_BYTES = 1024 * 1024

/** A .ipynb is JSON text (the renderer validates it, core/ipynb); a PNG must start like one. */
const isNotebookName = (name: string) => extname(name).toLowerCase() === '.ipynb'

/**
 * The file's bytes, when it is a regular file of at most LIMITS.maxPngBytes that starts like a PNG, or a
 * .ipynb of at most LIMITS.ipynb.fileChars bytes.
 * Links are resolved first, the file is opened once, and its type and size are read from that handle
 * (fstat), so a swap between the check and the read changes nothing. Devices (`/dev/zero` reports size
 * 0 and never ends), FIFOs and folders are refused before a byte is read, and the read itself stops at
 * one byte past the limit whatever the size said.
 */
async function readPngFile(path: string, name: string): Promise<Result<OpenPngResult>> {
  const handle = await open(await realpath(path), OPEN_FLAGS)
  try {
    const info = await handle.stat()
    if (!info.isFile()) return fileProblem(`${name} is not a regular file`)
    const notebook = isNotebookName(name)
    const limit = notebook ? LIMITS.ipynb.fileChars : LIMITS.maxPngBytes
    const tooLarge = () => fileProblem(`${name} is larger than ${limit / 1024 / 1024} MB`)
    if (info.size > limit) return tooLarge()
    const bytes = await readAtMost(handle, limit + 1)
    if (bytes.length > limit) return tooLarge()
    if (!notebook && !hasPngSignature(bytes)) return fileProblem(`${name} is not a PNG image`)
    // A plain Uint8Array, not a Buffer: that is what crosses IPC to the renderer.
    return ok({ opened: true, name, bytes })
  } finally {
    await handle.close()
  }
}

/** Up to `limit` bytes from the start of the file, read in chunks until the end or the limit. */
async function readAtMost(handle: FileHandle, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  let total = 0
  while (total < limit) {
    const chunk = new Uint8Array(Math.min(READ_CHUNK_BYTES, limit - total))
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, total)
    if (bytesRead === 0) break
    chunks.push(chunk.subarray(0, bytesRead))
    total += bytesRead
  }
  const bytes = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.length
  }
  return bytes
}
