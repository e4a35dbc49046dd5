/**
 * A node's numbers as the graph shows them: four significant digits, no trailing zeros, `−` for minus;
 * a vector as the value at the selected sample (its length is shown beside it).
 */
const MINUS = '\u2212'

export function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : `${MINUS}inf`
  if (value === 0) return '0'
  const magnitude = Math.abs(value)
  const text =
    magnitude >= 1e5 || magnitude < 1e-4
      ? magnitude.toExponential(3).replace(/\.?0+e/, 'e')
      : String(Number(magnitude.toPrecision(4)))
  return value < 0 ? `${MINUS}${text}` : text
}

/** Most entries of a vector written out whole; a longer one shows its ends. */
const SHOWN_ENTRIES = 6

/**
 * A node's value or gradient: the number of a scalar; for a vector, the value at sample `at` with its
 * index (`4 [2/5]`), or, without `at`, the vector itself (`[−2, −1, 0, 1, 2]`, or its ends and length).
 */
export function formatEntry(
  values: readonly number[],
  shape: readonly number[],
  at?: number,
): string {
  if (shape.length === 0) return formatValue(values[0] ?? Number.NaN)
  if (at !== undefined) {
    const index = Math.min(Math.max(at, 0), values.length - 1)
    return `${formatValue(values[index] ?? Number.NaN)} [${index}/${values.length}]`
  }
  if (values.length <= SHOWN_ENTRIES) return `[${values.map(formatValue).join(', ')}]`
  const ends = [...values.slice(0, 2), ...values.slice(-2)].map(formatValue)
  return `[${ends[0]}, ${ends[1]}, …, ${ends[2]}, ${ends[3]}] (${values.length})`
}
