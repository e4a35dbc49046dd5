import type { Diagnostic } from '../protocol/diagnostics'

/**
 * A diagnostic for a terminal: the message, then the input with the offending characters underlined,
 * as compilers print them.
 */
export function formatDiagnostic(diagnostic: Diagnostic, source: string): string {
  const lines = [`error[${diagnostic.code}]: ${diagnostic.message}`]
  const [start, end] = diagnostic.span
  if (source.length > 0 && !(start === 0 && end === 0 && diagnostic.code === 'invalid-request')) {
    const underline = ' '.repeat(start) + '^'.repeat(Math.max(1, end - start))
    lines.push(`  ${source}`, `  ${underline}`)
  }
  if (diagnostic.fix) lines.push(`  fix: ${diagnostic.fix.label}`)
  return lines.join('\n')
}

/** The shape a batch line's error takes: code, message, span; nothing else leaks. */
export function errorRecord(diagnostic: Diagnostic) {
  return { error: { code: diagnostic.code, message: diagnostic.message, span: diagnostic.span } }
}
