import type { BinaryOp } from './ast'
import { notSupported, PyError, typeError } from './errors'
import { binary, NbTensor } from './tensor'
import { list, tuple, typeName, type PyValue } from './values'

/** Python's arithmetic on its own numbers (ints are bigints, floats numbers, bools ints) and sequences. */

type Num = bigint | number
const asNum = (value: PyValue): Num | null =>
  typeof value === 'boolean'
    ? value
      ? 1n
      : 0n
    : typeof value === 'bigint' || typeof value === 'number'
      ? value
      : null

const unsupported = (op: string, a: PyValue, b: PyValue): PyError =>
  typeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`)

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q
}
function pyMod(a: number, b: number): number {
  const r = a % b
  return r !== 0 && r < 0 !== b < 0 ? r + b : r === 0 ? (b < 0 ? -0 : 0) : r
}

/** The most bits an int power may produce: Python has no limit, a notebook cell does. */
const MAX_INT_BITS = 100_000

function numberOp(op: BinaryOp, a: Num, b: Num): PyValue {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+':
        return a + b
      case '-':
        return a - b
      case '*':
        return a * b
      case '/':
        if (b === 0n) throw new PyError('ZeroDivisionError', 'division by zero')
        return Number(a) / Number(b)
      case '//':
        if (b === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero')
        return floorDiv(a, b)
      case '%':
        if (b === 0n) throw new PyError('ZeroDivisionError', 'integer division or modulo by zero')
        return a - floorDiv(a, b) * b
      case '**':
        if (b < 0n) {
          if (a === 0n)
            throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power')
          return Number(a) ** Number(b)
        }
        if (
          a !== 0n &&
          a !== 1n &&
          a !== -1n &&
          Number(b) * Math.log2(Math.abs(Number(a)) || 1) > MAX_INT_BITS
        )
          throw notSupported(`an int power of more than ${MAX_INT_BITS} bits`)
        return a ** b
    }
  }
  const x = Number(a)
  const y = Number(b)
  switch (op) {
    case '+':
      return x + y
    case '-':
      return x - y
    case '*':
      return x * y
    case '/':
      if (y === 0) throw new PyError('ZeroDivisionError', 'float division by zero')
      return x / y
    case '//':
      if (y === 0) throw new PyError('ZeroDivisionError', 'float floor division by zero')
      return Math.floor(x / y)
    case '%':
      if (y === 0) throw new PyError('ZeroDivisionError', 'float modulo')
      return pyMod(x, y)
    case '**':
      if (x === 0 && y < 0)
        throw new PyError('ZeroDivisionError', '0.0 cannot be raised to a negative power')
      if (x < 0 && !Number.isInteger(y))
        throw notSupported('a complex result (a negative number to a fractional power)')
      {
        const r = x ** y
        if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y))
          throw new PyError('OverflowError', "(34, 'Numerical result out of range')")
        return r
      }
  }
}

const isSequence = (v: PyValue): v is { kind: 'list' | 'tuple'; items: PyValue[] } =>
  typeof v === 'object' && v !== null && (v.kind === 'list' || v.kind === 'tuple')

export function binaryOp(op: BinaryOp, a: PyValue, b: PyValue): PyValue {
  if (a instanceof NbTensor || b instanceof NbTensor) {
    const left = a instanceof NbTensor ? a : asNum(a)
    const right = b instanceof NbTensor ? b : asNum(b)
    if (left === null || right === null) throw unsupported(op, a, b)
    if (op === '//' || op === '%') throw notSupported(`'${op}' on tensors`)
    return binary(op, left, right)
  }
  const x = asNum(a)
  const y = asNum(b)
  if (x !== null && y !== null) return numberOp(op, x, y)
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b
  if (op === '+' && isSequence(a) && isSequence(b) && a.kind === b.kind)
    return a.kind === 'list' ? list([...a.items, ...b.items]) : tuple([...a.items, ...b.items])
  if (op === '*') {
    const [seq, count] = typeof a === 'string' || isSequence(a) ? [a, y] : [b, x]
    if (typeof count === 'bigint' && (typeof seq === 'string' || isSequence(seq))) {
      const n = count > 0n ? Number(count) : 0
      const size = (typeof seq === 'string' ? seq.length : seq.items.length) * n
      if (size > 10_000_000) throw notSupported('a sequence this long')
      if (typeof seq === 'string') return seq.repeat(n)
      const items: PyValue[] = []
      for (let i = 0; i < n; i++) items.push(...seq.items)
      return seq.kind === 'list' ? list(items) : tuple(items)
    }
  }
  if (op === '%' && typeof a === 'string') throw notSupported("'%' string formatting")
  throw unsupported(op === '**' ? '** or pow()' : op, a, b)
}

/** Python's == for values that are not tensors. */
export function pyEquals(a: PyValue, b: PyValue): boolean {
  const x = asNum(a)
  const y = asNum(b)
  if (x !== null && y !== null) {
    if (typeof x === 'bigint' && typeof y === 'bigint') return x === y
    return Number(x) === Number(y)
  }
  if (typeof a === 'string' || typeof b === 'string') return a === b
  if (a === null || b === null) return a === b
  if (isSequence(a) && isSequence(b))
    return (
      a.kind === b.kind &&
      a.items.length === b.items.length &&
      a.items.every((v, i) => pyEquals(v, b.items[i]!))
    )
  if (typeof a === 'object' && typeof b === 'object' && a.kind === 'dtype' && b.kind === 'dtype')
    return a.name === b.name
  if (typeof a === 'object' && typeof b === 'object' && a.kind === 'size' && b.kind === 'size')
    return a.dims.join() === b.dims.join()
  return a === b
}

export function pyCompare(op: '<' | '>' | '<=' | '>=', a: PyValue, b: PyValue): boolean {
  const x = asNum(a)
  const y = asNum(b)
  let order: number
  if (x !== null && y !== null) {
    if (typeof x === 'bigint' && typeof y === 'bigint') order = x < y ? -1 : x > y ? 1 : 0
    else {
      const [p, q] = [Number(x), Number(y)]
      if (Number.isNaN(p) || Number.isNaN(q)) return false
      order = p < q ? -1 : p > q ? 1 : 0
    }
  } else if (typeof a === 'string' && typeof b === 'string') order = a < b ? -1 : a > b ? 1 : 0
  else
    throw typeError(
      `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
    )
  return op === '<' ? order < 0 : op === '>' ? order > 0 : op === '<=' ? order <= 0 : order >= 0
}
