/**
 * Python's number formatting, which JavaScript's differs from: `repr(float)` (shortest round-trip digits,
 * exponent form below 1e-4 and from 1e16, always a `.0` or an exponent), and `format(x, '.4f')` /
 * `'.4e'`, which round half to even on the exact binary value (JavaScript's toFixed rounds a tie up).
 */

/** Python's repr of a float: `0.1`, `4.0`, `1e-05`, `1e+16`, `inf`, `nan`. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (x === Infinity) return 'inf'
  if (x === -Infinity) return '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  // JavaScript's shortest digits are Python's (both round-trip, both the closest shortest); only the
  // layout differs. Python uses the exponent form when the decimal exponent is < -4 or >= 16.
  const [mantissa, expPart] = x.toExponential().split('e') as [string, string]
  const exponent = Number(expPart)
  const negative = mantissa.startsWith('-')
  const digits = mantissa.replace('-', '').replace('.', '')
  const sign = negative ? '-' : ''
  if (exponent < -4 || exponent >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits
    return `${sign}${m}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`
  if (digits.length <= exponent + 1)
    return `${sign}${digits}${'0'.repeat(exponent + 1 - digits.length)}.0`
  return `${sign}${digits.slice(0, exponent + 1)}.${digits.slice(exponent + 1)}`
}

/** Decimal digits of |x| exactly (a double's expansion ends within 1074 places), as integer and fraction. */
function exactDecimal(x: number): { int: string; frac: string } {
  const abs = Math.abs(x)
  // toFixed(100) is exact for the digits it gives; a tie test only needs to know the rest is all zeros,
  // which it is for any double ≥ 1e-30 whose expansion ends within 100 places; below, no tie can occur
  // at the precisions used here.
  if (abs > 0 && abs < 1e-30) return tinyDecimal(abs)
  const text = abs >= 1e21 ? BigInt(abs).toString() + '.' : abs.toFixed(100)
  const [int, frac = ''] = text.split('.') as [string, string?]
  return { int, frac }
}

/**
 * The whole expansion of a double below 1e-30, where toFixed(100) would give only zeros (3.3866e-204
 * printed as garbage): x = m·2^−k exactly, which is m·5^k / 10^k, so the k fraction digits are m·5^k's.
 */
function tinyDecimal(abs: number): { int: string; frac: string } {
  const view = new DataView(new ArrayBuffer(8))
  view.setFloat64(0, abs)
  const bits = view.getBigUint64(0)
  const biased = Number(bits >> 52n)
  const fraction = bits & ((1n << 52n) - 1n)
  // A subnormal has no implicit leading 1 and the smallest exponent.
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n)
  const places = biased === 0 ? 1074 : 1075 - biased
  return { int: '0', frac: (mantissa * 5n ** BigInt(places)).toString().padStart(places, '0') }
}

/** Rounds the decimal string `int.frac` to `places` fraction digits, half to even. */
function roundDigits(int: string, frac: string, places: number): string {
  const kept = (int + frac.slice(0, places).padEnd(places, '0')).split('').map(Number)
  const rest = frac.slice(places)
  const first = Number(rest[0] ?? '0')
  const beyond = /[1-9]/.test(rest.slice(1))
  const last = kept[kept.length - 1] ?? 0
  const up = first > 5 || (first === 5 && (beyond || last % 2 === 1))
  if (up) {
    let i = kept.length - 1
    while (i >= 0) {
      if (kept[i]! < 9) {
        kept[i]!++
        break
      }
      kept[i] = 0
      i--
    }
    if (i < 0) kept.unshift(1)
  }
  const all = kept.join('')
  const intLength = all.length - places
  const intPart = all.slice(0, intLength).replace(/^0+(?=\d)/, '') || '0'
  return places > 0 ? `${intPart}.${all.slice(intLength)}` : intPart
}

/** format(x, '.Nf'). */
export function formatFixed(x: number, places: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'
  const { int, frac } = exactDecimal(x)
  const body = roundDigits(int, frac, places)
  return (x < 0 || Object.is(x, -0) ? '-' : '') + body
}

/** format(x, '.Ne'): one digit, a point, N digits, e, sign, at least two exponent digits. */
export function formatExponent(x: number, places: number): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'
  const sign = x < 0 || Object.is(x, -0) ? '-' : ''
  if (x === 0) return `${sign}${places > 0 ? '0.' + '0'.repeat(places) : '0'}e+00`
  const { int, frac } = exactDecimal(x)
  // Normalize to d.ddd… × 10^e using the exact digits.
  const all = (int + frac).replace(/^0+/, '')
  const leadingZeros = (int + frac).length - all.length
  let exponent = int.length - 1 - leadingZeros
  let rounded = roundDigits(all[0]!, all.slice(1), places)
  if (rounded.replace('.', '').length > places + 1) {
    // 9.99995 → 10.0000: shift one place.
    exponent += 1
    const digits = rounded.replace('.', '').slice(0, places + 1)
    rounded = places > 0 ? `${digits[0]}.${digits.slice(1)}` : digits
  }
  return `${sign}${rounded}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`
}

/** format(x, '.Ng') / repr-like general format, Python's rules (§ format specification mini-language). */
export function formatGeneral(x: number, precision: number, alternate = false): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf'
  const p = precision === 0 ? 1 : precision
  if (x === 0) return Object.is(x, -0) ? '-0' : '0'
  const exp = formatExponent(x, p - 1)
  const exponent = Number(exp.split('e')[1])
  let text: string
  if (exponent >= -4 && exponent < p) text = formatFixed(x, p - 1 - exponent)
  else text = exp
  if (!alternate) {
    text = text.replace(/(\.\d*?)0+(e|$)/, '$1$2').replace(/\.(e|$)/, '$1')
  }
  return text
}

export interface FormatSpec {
  fill: string
  align: '<' | '>' | '^' | '=' | null
  sign: '+' | '-' | ' ' | null
  width: number
  grouping: ',' | '_' | null
  precision: number | null
  type: string | null
}

const SPEC = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/

export function parseSpec(spec: string): FormatSpec | null {
  const match = SPEC.exec(spec)
  if (!match) return null
  const zero = match[5] === '0'
  return {
    fill: match[1] ?? (zero && !match[2] ? '0' : ' '),
    align: (match[2] as FormatSpec['align']) ?? (zero ? '=' : null),
    sign: (match[3] as FormatSpec['sign']) ?? null,
    width: match[6] ? Number(match[6]) : 0,
    grouping: (match[7] as FormatSpec['grouping']) ?? null,
    precision: match[8] !== undefined ? Number(match[8]) : null,
    type: match[9] ?? null,
  }
}

function group(text: string, separator: string): string {
  const [int, rest] = text.split(/(?=[.e])/, 2) as [string, string?]
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, separator)
  return grouped + (rest ?? text.slice(int.length))
}

export function pad(body: string, spec: FormatSpec, defaultAlign: '<' | '>'): string {
  if (body.length >= spec.width) return body
  const fill = spec.fill.repeat(spec.width - body.length)
  const align = spec.align ?? defaultAlign
  if (align === '<') return body + fill
  if (align === '>') return fill + body
  if (align === '^') {
    const left = Math.floor((spec.width - body.length) / 2)
    return spec.fill.repeat(left) + body + spec.fill.repeat(spec.width - body.length - left)
  }
  const signed = /^[+\- ]/.test(body) ? body[0]! : ''
  return signed + fill + body.slice(signed.length)
}

/** format(number, spec) for a float or an int; null when the spec does not apply (a ValueError). */
export function formatNumber(value: number | bigint, spec: FormatSpec): string | null {
  const isInt = typeof value === 'bigint'
  const type = spec.type
  if (isInt && (type === null || type === 'd' || type === 'n')) {
    if (spec.precision !== null) return null
    let body = (value < 0n ? -value : value).toString()
    if (spec.grouping) body = group(body, spec.grouping)
    return pad(signOf(value < 0n, spec) + body, spec, '>')
  }
  if (
    type === 'd' ||
    type === 'n' ||
    type === 's' ||
    type === 'c' ||
    type === 'x' ||
    type === 'o' ||
    type === 'b' ||
    type === 'X'
  )
    return null
  const x = Number(value)
  let body: string
  const precision = spec.precision ?? 6
  const abs = Math.abs(x)
  if (type === 'f' || type === 'F') body = formatFixed(abs, precision)
  else if (type === 'e' || type === 'E') body = formatExponent(abs, precision)
  else if (type === '%') body = formatFixed(abs * 100, precision) + '%'
  else if (type === 'g' || type === 'G') body = formatGeneral(abs, precision)
  else if (spec.precision !== null) {
    body = formatGeneral(abs, precision)
    if (!isInt && !/[.e]|inf|nan/.test(body)) body += '.0'
  } else body = isInt ? (abs as number).toString() : floatRepr(abs)
  if (type === 'E' || type === 'F' || type === 'G') body = body.toUpperCase()
  if (spec.grouping) body = group(body, spec.grouping)
  const negative = x < 0 || Object.is(x, -0)
  return pad(signOf(negative, spec) + body, spec, '>')
}

function signOf(negative: boolean, spec: FormatSpec): string {
  if (negative) return '-'
  if (spec.sign === '+') return '+'
  if (spec.sign === ' ') return ' '
  return ''
}
