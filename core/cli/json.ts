import type { Note } from '../protocol/notes'

/**
 * JSON for numbers that may not be finite: JSON has no NaN or Infinity, so they are written as the strings
 * "NaN", "Infinity" and "-Infinity" (DESIGN §4). A number that does not exist (the gradient of an unused
 * variable, PyTorch's None) is null.
 */
export function encodeNumber(value: number | null): number | string | null {
  if (value === null) return null
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  return value
}

export function encodeNumbers(
  values: Record<string, number | null>,
): Record<string, number | string | null> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, encodeNumber(value)]),
  )
}

/**
 * A convention note as the CLI's JSON writes it: code, variable and message first, the one-sided
 * derivatives and autograd's value as encoded numbers (∞ at sqrt's 0 is "Infinity").
 */
export function encodeNote(note: Note): Record<string, unknown> {
  const numbers = (['left', 'right', 'pytorch'] as const).filter((key) => note[key] !== undefined)
  return {
    code: note.code,
    variable: note.variable,
    message: note.message,
    detail: note.detail,
    ...(note.op !== undefined ? { op: note.op } : {}),
    ...(note.span !== undefined ? { span: note.span } : {}),
    ...Object.fromEntries(numbers.map((key) => [key, encodeNumber(note[key]!)])),
  }
}
