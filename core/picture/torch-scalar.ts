/**
 * What `print()` shows for a float64 scalar tensor in PyTorch 1.13 with the default print options
 * (precision 4) and float64 as the default dtype, as the app's programs set it: `tensor(0.6650)`,
 * `tensor(4.)`, `tensor(nan)`. Only scalars: torch/_tensor_str.py's _Formatter, read for one value —
 * zero, ±inf and nan are written `{:.0f}` (0., inf, nan); an integer as `{:.0f}.` (4.) unless it is
 * above 1e8; anything else `{:.4f}` (0.6650), or `{:.4e}` (1.2346e-05) when it is above 1e8 or below
 * 1e-4. Python rounds a tie to even on the exact binary value (`'{:.4f}'.format(1.03125)` is 1.0312),
 * so the digits are rounded here on the exact decimal expansion of the double.
 */

const PRECISION = 4

type Mode = 'integer' | 'fixed' | 'scientific'

/**
 * _Formatter's choice for a set of values, from its non-zero finite ones: integers print as `4.`, the
 * rest `{:.4f}`, and either goes scientific when the largest is above 1e8 or over 1000 times the
 * smallest (and, for non-integers, when the smallest is below 1e-4).
 */
function modeOf(values: readonly number[]): Mode {
  const magnitudes = values.filter((v) => Number.isFinite(v) && v !== 0).map(Math.abs)
  if (magnitudes.length === 0) return 'integer'
  const integers = values.every((v) => !Number.isFinite(v) || Number.isInteger(v))
  const largest = Math.max(...magnitudes)
  const smallest = Math.min(...magnitudes)
  const wide = largest / smallest > 1000 || largest > 1e8
  if (integers) return wide ? 'scientific' : 'integer'
  return wide || smallest < 1e-4 ? 'scientific' : 'fixed'
}

function formatIn(mode: Mode, value: number): string {
  if (Number.isNaN(value)) return 'nan'
  if (value === Infinity) return 'inf'
  if (value === -Infinity) return '-inf'
  if (mode === 'scientific') return scientific(value, PRECISION)
  if (mode === 'fixed') return fixed(value, PRECISION)
  return `${fixed(value, 0)}.`
}

/** The number inside `tensor(…)`, as PyTorch prints it. */
export function torchScalarText(value: number): string {
  return formatIn(modeOf([value]), value)
}

/**
 * The elements of a 1-D float64 tensor as print() writes them, without the padding to a common width:
 * one mode for all (`tensor([-20.0000, -15.5556, …])`), as a table column of the lab shows them.
 */
export function torchElementTexts(values: readonly number[]): string[] {
  const mode = modeOf(values)
  return values.map((value) => formatIn(mode, value))
}

/** `print(t)` of a float64 scalar tensor (without a grad_fn): `tensor(0.6650)`. */
export function torchScalarPrint(value: number): string {
  return `tensor(${torchScalarText(value)})`
}

/** The exact decimal expansion of a finite double: value = digits × 10^exponent, digits an integer. */
function exactDecimal(value: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, Math.abs(value))
  const bits = view.getBigUint64(0)
  const biased = Number(bits >> 52n)
  const fraction = bits & ((1n << 52n) - 1n)
  // value = mantissa × 2^power (subnormals have no implicit leading bit)
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n)
  const power = (biased === 0 ? 1 : biased) - 1075
  if (power >= 0) return { digits: (mantissa << BigInt(power)).toString(), exponent: 0 }
  // m / 2^k = m·5^k / 10^k
  return { digits: (mantissa * 5n ** BigInt(-power)).toString(), exponent: power }
}

/**
 * `digits × 10^exponent` rounded to an integer count of units of 10^unit, ties to even: the integer
 * as a decimal string.
 */
function roundToUnit(digits: string, exponent: number, unit: number): bigint {
  const drop = unit - exponent
  const whole = BigInt(digits)
  if (drop <= 0) return whole * 10n ** BigInt(-drop)
  const divisor = 10n ** BigInt(drop)
  const quotient = whole / divisor
  const twiceRest = (whole % divisor) * 2n
  if (twiceRest > divisor || (twiceRest === divisor && quotient % 2n === 1n)) return quotient + 1n
  return quotient
}

/** Python's `'{:.Nf}'.format(value)` for a finite value. */
function fixed(value: number, decimals: number): string {
  if (value === 0) return `${Object.is(value, -0) ? '-' : ''}${(0).toFixed(decimals)}`
  const { digits, exponent } = exactDecimal(value)
  const units = roundToUnit(digits, exponent, -decimals)
    .toString()
    .padStart(decimals + 1, '0')
  const sign = value < 0 ? '-' : ''
  if (decimals === 0) return `${sign}${units}`
  return `${sign}${units.slice(0, -decimals)}.${units.slice(-decimals)}`
}

/** Python's `'{:.Ne}'.format(value)` for a finite non-zero value: 1.2346e-05, 1.0000e+09. */
function scientific(value: number, decimals: number): string {
  if (value === 0) return `${Object.is(value, -0) ? '-' : ''}${(0).toFixed(decimals)}e+00`
  const { digits, exponent } = exactDecimal(value)
  // The leading digit's power of ten, then the rounded significand; rounding up may add a digit (9.99995).
  let lead = digits.length - 1 + exponent
  let significand = roundToUnit(digits, exponent, lead - decimals).toString()
  if (significand.length > decimals + 1) {
    lead++
    significand = significand.slice(0, decimals + 1)
  }
  const sign = value < 0 ? '-' : ''
  const power = `${lead < 0 ? '-' : '+'}${String(Math.abs(lead)).padStart(2, '0')}`
  return `${sign}${significand[0]}.${significand.slice(1)}e${power}`
}
