import { readSession, type PlotSession } from '../../core/png/session'
import { LIMITS } from '../../core/protocol/limits'
import { desktopBridge } from '../api/desktop'

export type OpenOutcome =
  | { kind: 'opened'; name: string; session: PlotSession }
  | { kind: 'cancelled' }
  | { kind: 'refused'; name: string; message: string }

/** Reads the plot a PNG carries; a PNG that is not ours gets a message that says what is wrong. */
export function sessionFromPng(name: string, bytes: Uint8Array): OpenOutcome {
  const session = readSession(bytes)
  return session.ok
    ? { kind: 'opened', name, session: session.value }
    : { kind: 'refused', name, message: session.problem.message }
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
  if (file.size > LIMITS.maxPngBytes) {
    return {
      kind: 'refused',
      name: file.name,
      message: 'This file is too large to be a Calculus Lab plot.',
    }
  }
  return sessionFromPng(file.name, new Uint8Array(await file.arrayBuffer()))
}
