import type { CalculusApi } from './api'
import type { Result } from './result'

/**
 * What the desktop shell adds to the core's API: native files and the application menu. The preload exposes
 * exactly `DesktopApi` as `window.calculus`; main registers one handler per invoke method; channel names are
 * derived here, never typed by hand.
 */

export interface SavePngRequest {
  /** The PNG the renderer produced (signature and size are checked again in main). */
  bytes: Uint8Array
  /** A name to offer in the save dialog; main sanitizes it. */
  suggestedName: string
}
export type SavePngResult = { saved: true; path: string } | { saved: false }

export interface SaveNotebookRequest {
  /** The .ipynb text the renderer wrote (main parses it again as nbformat 4 before saving it). */
  text: string
  /** A name to offer in the save dialog; main sanitizes it. */
  suggestedName: string
}
export type SaveNotebookResult = SavePngResult

export type OpenPngResult = { opened: true; name: string; bytes: Uint8Array } | { opened: false }

/** Menu items that the renderer acts on. */
export const MENU_COMMANDS = [
  'export-png',
  'open-png',
  'export-notebook',
  'open-lab',
  'about',
  'zoom-in',
  'zoom-out',
  'reset-view',
] as const
export type MenuCommand = (typeof MENU_COMMANDS)[number]

export interface DesktopApi extends CalculusApi {
  savePng(request: SavePngRequest): Promise<Result<SavePngResult>>
  openPng(): Promise<Result<OpenPngResult>>
  saveNotebook(request: SaveNotebookRequest): Promise<Result<SaveNotebookResult>>
  /** Subscribe to menu commands; returns the unsubscribe function. */
  onMenu(listener: (command: MenuCommand) => void): () => void
}

/** Methods answered through ipcMain.handle / ipcRenderer.invoke. */
export const INVOKE_METHODS = [
  'evaluate',
  'analyze',
  'graph',
  'runCell',
  'restartNotebook',
  'notebookGraph',
  'savePng',
  'openPng',
  'saveNotebook',
] as const satisfies readonly Exclude<keyof DesktopApi, 'onMenu'>[]
export type InvokeMethod = (typeof INVOKE_METHODS)[number]

export const channelOf = <M extends InvokeMethod>(method: M) => `calculus:${method}` as const
export const MENU_CHANNEL = 'calculus:menu'
