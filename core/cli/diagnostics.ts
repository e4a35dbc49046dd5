import type { Diagnostic, DiagnosticCode } from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'

/** Diagnostics about the request or the process, not about characters of the expression. */
const ABOUT_THE_REQUEST: readonly DiagnosticCode[] = [
  'invalid-request',
  'too-many-samples',
  'second-derivative-too-large',
  'timeout',
  'worker-crashed',
  'cancelled',
  'internal',
]

/**
 * A diagnostic for a terminal: the message, then the input with the offending characters underlined,
 * as compilers print them.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: string): string {
  const lines = [`error[${diagnostic.code}]: ${diagnostic.message}`]
  const [start, end] = diagnostic.span
  const aboutTheRequest = start === 0 && end === 0 && ABOUT_THE_REQUEST.includes(diagnostic.code)
  if (source.length > 0 && !aboutTheRequest) {
    const underline = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start))
    lines.push(`  ${source}`, `  ${underline}`)
  }
  if (diagnostic.fix) lines.push(`  fix: ${diagnostic.fix.label}`)
  if (diagnostic.code === 'timeout') {
    const seconds = LIMITS.cliDeadlineMs / 1000
    lines.push(`  hint: --timeout <seconds> waits longer (the default is ${seconds}).`)
  }
  return lines.join('\n')
}

/** The shape a batch line's error takes: code, message, span; nothing else leaks. */
export function errorRecord(diagnostic: Diagnostic) {
  return { error: { code: diagnostic.code, message: diagnostic.message, span: diagnostic.span } }
}
