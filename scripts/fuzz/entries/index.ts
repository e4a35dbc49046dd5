import type { Entry } from '../harness'
import { expressions, evaluation } from './expressions'
import { fileNames } from './file-names'
import { ipcChannels } from './ipc-channels'
import { ipynbFiles } from './ipynb-files'
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
] as unknown as Entry<unknown, unknown>[]

/**
 * Doors that do not exist yet (DESIGN.md §8, core/notebook): each gets an entry here, in its own file
 * under entries/, when its code lands — a generator of notebook source (the Python subset: grammar-aware
 * like generators/expressions.ts) and of .ipynb files (nbformat 4 JSON, edited field by field like
 * generators/requests.ts), checked for the same failure classes.
 */
export const PENDING: readonly { name: string; covers: string }[] = [
  {
    name: 'notebook-source',
    covers: 'core/notebook lexer, parser, interpreter (not yet in the app)',
  },
]

export function entryNamed(name: string): Entry<unknown, unknown> | undefined {
  return ENTRIES.find((entry) => entry.name === name)
}
