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
