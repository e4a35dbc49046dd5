import { readFile, stat } from 'node:fs/promises'
import { basename, extname, join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import { writeFileAtomically } from '../core/node/atomic-write'
import { hasPngSignature } from '../core/png/chunks'
import type { OpenPngResult, SavePngRequest, SavePngResult } from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic } from '../core/protocol/diagnostics'
import { LIMITS } from '../core/protocol/limits'
import { fail, ok, type Result } from '../core/protocol/result'
import { sanitizeFileName } from './png-payload'

/**
 * Saving and opening the PNGs the renderer makes. The request was validated (png-payload.ts) before it gets
 * here; the bytes are checked once more right before writing, since this is the last line before the disk.
 */
export interface FileDialogs {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>
  /** The window the dialog belongs to (modal to it). */
  window: BrowserWindow | null
  /** Where the save dialog starts, e.g. the user's Pictures folder. */
  defaultDirectory: string
}

const fileProblem = (what: string) => fail(requestDiagnostic('internal', MESSAGES.internal(what)))
const reasonOf = (error: unknown) =>
  error instanceof Error && 'code' in error ? String(error.code) : String(error)

export async function savePng(
  request: SavePngRequest,
  { dialog, window, defaultDirectory }: FileDialogs,
): Promise<Result<SavePngResult>> {
  if (!hasPngSignature(request.bytes) || request.bytes.byteLength > LIMITS.maxPngBytes)
    return fail(
      requestDiagnostic('invalid-request', MESSAGES.invalidRequest('bytes', 'is not a PNG image')),
    )
  const options = {
    title: 'Export PNG',
    defaultPath: join(defaultDirectory, sanitizeFileName(request.suggestedName)),
    filters: [{ name: 'PNG image', extensions: ['png'] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'] as (
      'createDirectory' | 'showOverwriteConfirmation'
    )[],
  }
  const choice = window
    ? await dialog.showSaveDialog(window, options)
    : await dialog.showSaveDialog(options)
  if (choice.canceled || !choice.filePath) return ok({ saved: false })
  // Some Linux dialogs return the name exactly as typed: make sure the file says what it is.
  const target =
    extname(choice.filePath).toLowerCase() === '.png' ? choice.filePath : `${choice.filePath}.png`
  try {
    await writeFileAtomically(target, request.bytes)
  } catch (error) {
    return fileProblem(`could not write ${basename(target)} (${reasonOf(error)})`)
  }
  return ok({ saved: true, path: target })
}

export async function openPng({
  dialog,
  window,
  defaultDirectory,
}: FileDialogs): Promise<Result<OpenPngResult>> {
  const options = {
    title: 'Open PNG',
    defaultPath: defaultDirectory,
    filters: [{ name: 'PNG image', extensions: ['png'] }],
    properties: ['openFile'] as 'openFile'[],
  }
  const choice = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  const path = choice.filePaths[0]
  if (choice.canceled || !path) return ok({ opened: false })
  try {
    const size = (await stat(path)).size
    if (size > LIMITS.maxPngBytes)
      return fileProblem(`${basename(path)} is larger than ${LIMITS.maxPngBytes / 1024 / 1024} MB`)
    const bytes = await readFile(path)
    if (!hasPngSignature(bytes)) return fileProblem(`${basename(path)} is not a PNG image`)
    // A plain Uint8Array, not a Buffer: that is what crosses IPC to the renderer.
    return ok({ opened: true, name: basename(path), bytes: new Uint8Array(bytes) })
  } catch (error) {
    return fileProblem(`could not read ${basename(path)} (${reasonOf(error)})`)
  }
}
