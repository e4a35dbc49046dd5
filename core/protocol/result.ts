import type { Diagnostic } from './diagnostics'

/** Errors travel as values: Electron keeps only `message` of an error thrown across `ipcMain.handle`. */
export type Result<T> = { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail<T = never>(...diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics }
}

/** The same for a list already built: a list is passed, never spread into arguments (it may be long). */
export function failAll<T = never>(diagnostics: Diagnostic[]): Result<T> {
  return { ok: false, diagnostics }
}
