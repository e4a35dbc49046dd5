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

/**
 * "y = 4x − 4", "y = −x", "y = 3": the tangent as a learner would write it. Where there is no such line
 * it says so in words: an infinite slope is a vertical tangent at the point (√x at 0, x^(1/3) at 0), and
 * where f or its slope is NaN there is no tangent at all (rather than `y = NaN·x + NaN`).
 */
export function formatTangent(
  slope: number,
  intercept: number,
  variable: string,
  at = NaN,
  value = 0,
): string {
  if (!Number.isFinite(value)) {
    return Number.isNaN(value)
      ? 'no tangent (f is not defined here)'
      : 'no tangent (f is infinite here)'
  }
  if (slope === Infinity || slope === -Infinity) {
    return `vertical tangent ${variable} = ${formatNumber(at)}`
  }
  if (Number.isNaN(slope)) return 'no tangent (the slope is not defined here)'
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

/** A power whose exponent is a fraction with an odd denominator, as `x^(1/3)` or `x ** (2/5)`. */
const ODD_ROOT = /(\^|\*\*)\s*\(\s*\d+\s*\/\s*\d*[13579]\s*\)/

/**
 * Why f is NaN at a point, in PyTorch's terms: its values are NaN wherever the real math is undefined,
 * and for a negative base to the power 1/3 even where a textbook's cube root is defined.
 */
export function explainNaN(expression: string): string {
  const general =
    'f is NaN here, in PyTorch too: a negative number to a fractional power, sqrt or log of a ' +
    'negative number, or 0/0 has no real value in floating point.'
  if (!ODD_ROOT.test(expression)) return general
  return (
    'f is NaN here, in PyTorch too: x ** (1/3) of a negative x is NaN, since a float power of a ' +
    'negative base is not real. The real cube root is torch.sign(x) * torch.abs(x) ** (1/3).'
  )
}
