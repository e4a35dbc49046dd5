/**
 * JSON for numbers that may not be finite: JSON has no NaN or Infinity, so they are written as the strings
 * "NaN", "Infinity" and "-Infinity" (DESIGN §4).
 */
export function encodeNumber(value: number): number | string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return 'Infinity'
  if (value === -Infinity) return '-Infinity'
  return value
}

export function encodeNumbers(values: Record<string, number>): Record<string, number | string> {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, encodeNumber(value)]),
  )
}
