/** How numbers read in the app: at most 6 significant digits, a true minus sign, ∞ for infinities. */

const MINUS = '\u2212'

export function formatNumber(value: number, digits = 6): string {
  if (Number.isNaN(value)) return 'NaN'
  if (value === Infinity) return '∞'
  if (value === -Infinity) return `${MINUS}∞`
  if (Object.is(value, -0) || Math.abs(value) < 1e-12) return '0'
  const magnitude = Math.abs(value)
  const text =
    magnitude >= 1e6 || magnitude < 1e-4
      ? value.toExponential(digits - 1).replace(/\.?0+e/, 'e')
      : String(Number(value.toPrecision(digits)))
  return text.replace('-', MINUS)
}

/** "y = 4x − 4", "y = −x", "y = 3": the tangent as a learner would write it. */
export function formatTangent(slope: number, intercept: number, variable: string): string {
  const terms: string[] = []
  if (slope !== 0 || !Number.isFinite(slope)) {
    const coefficient =
      slope === 1
        ? ''
        : slope === -1
          ? MINUS
          : Number.isFinite(slope)
            ? formatNumber(slope)
            : formatNumber(slope) + '·'
    terms.push(`${coefficient}${variable}`)
  }
  if (intercept !== 0 || terms.length === 0) {
    if (terms.length === 0) terms.push(formatNumber(intercept))
    else if (Number.isNaN(intercept) || intercept > 0) terms.push(`+ ${formatNumber(intercept)}`)
    else terms.push(`${MINUS} ${formatNumber(-intercept)}`)
  }
  return `y = ${terms.join(' ')}`
}
