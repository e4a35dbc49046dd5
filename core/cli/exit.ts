import type { Diagnostic } from '../protocol/diagnostics'

/** The CLI's exit codes, as --help lists them. */
export const EXIT = {
  ok: 0,
  expressionError: 1,
  usage: 2,
  noCanvas: 3,
  timeout: 4,
  internal: 70,
} as const

/** The exit code of a command whose computation answered these diagnostics. */
export function exitCodeOf(diagnostics: readonly Diagnostic[]): number {
  const codes = diagnostics.map((diagnostic) => diagnostic.code)
  if (codes.includes('timeout')) return EXIT.timeout
  if (codes.includes('internal') || codes.includes('worker-crashed')) return EXIT.internal
  return EXIT.expressionError
}
