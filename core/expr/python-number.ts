/**
 * Numbers as Python writes them. `repr(float)` is the shortest text that reads back as the same double
 * (as JavaScript's), but it always shows a decimal point (`2.0`) and switches to scientific notation
 * below 1e-4 and from 1e16 on, with at least two exponent digits (`1e-06`, `1.5e+16`).
 */
export function pythonFloat(value: number): string {
  if (Number.isNaN(value)) return "float('nan')"
  if (!Number.isFinite(value)) return value > 0 ? "float('inf')" : "-float('inf')"
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const sign = value < 0 ? '-' : ''
  // toExponential() without an argument gives the shortest digits that identify the double.
  const [mantissa = '0', exponentText = '0'] = Math.abs(value).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const exponent = Number(exponentText)
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    const e = String(Math.abs(exponent)).padStart(2, '0')
    return `${sign}${m}e${exponent < 0 ? '-' : '+'}${e}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  const integerDigits = exponent + 1
  if (digits.length <= integerDigits) {
    return `${sign}${digits}${'0'.repeat(integerDigits - digits.length)}.0`
  }
  return `${sign}${digits.slice(0, integerDigits)}.${digits.slice(integerDigits)}`
}

/**
 * A literal in an expression: small integers stay Python ints (`2 * x`, as the lab writes), others are
 * floats. Python ints are unbounded, and one past int64 would overflow when it meets a tensor.
 */
export function pythonNumber(value: number): string {
  const smallInteger = Number.isInteger(value) && Math.abs(value) <= 2 ** 31
  return smallInteger && !Object.is(value, -0) ? String(value) : pythonFloat(value)
}
