import type { Entry } from '../harness'
import { expressions, evaluation } from './expressions'
import { fileNames } from './file-names'
import { ipcChannels } from './ipc-channels'
import { ipynbFiles } from './ipynb-files'
import { notebookSourceEntry } from './notebook-source'
import { pngFiles } from './png-files'
import { savedState } from './saved-state'
import { workerMessages } from './worker-messages'

/** Every door the suite fuzzes, in report order. */
export const ENTRIES: readonly Entry<unknown, unknown>[] = [
  expressions,
  evaluation,
  workerMessages,
  pngFiles,
  ipynbFiles,
  savedState,
  fileNames,
  ipcChannels,
  notebookSourceEntry,
] as unknown as Entry<unknown, unknown>[]

/** Doors that do not exist yet: each gets an entry here, in its own file under entries/, when its code lands. */
export const PENDING: readonly { name: string; covers: string }[] = []

export function entryNamed(name: string): Entry<unknown, unknown> | undefined {
  return ENTRIES.find((entry) => entry.name === name)
}
