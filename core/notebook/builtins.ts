import { bind } from './args'
import { emit } from './context'
import { notSupported, PyError, typeError } from './errors'
import type { Interpreter } from './interpreter'
import { repr, str } from './interpreter'
import { fn } from './torch-module'
import { NbTensor, unary } from './tensor'
import { list, rangeLength, truthy, tuple, typeName, type PyFunction, type PyValue } from './values'
import { binaryOp, pyCompare } from './python-ops'

/** Python's builtins the subset uses: print, range, len, abs, float, int, str, round, min, max, sum… */
let table: Map<string, PyValue> | null = null
let owner: Interpreter | null = null

function toFloat(value: PyValue): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof NbTensor) {
    if (value.numel !== 1)
      throw new PyError('ValueError', 'only one element tensors can be converted to Python scalars')
    return value.t.data[0]!
  }
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase()
    if (/^[+-]?(inf|infinity)$/.test(text)) return text.startsWith('-') ? -Infinity : Infinity
    if (/^[+-]?nan$/.test(text)) return NaN
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(text.replace(/_/g, '')))
      return Number(text.replace(/_/g, ''))
    throw new PyError('ValueError', `could not convert string to float: ${repr(value)}`)
  }
  throw typeError(`float() argument must be a string or a real number, not '${typeName(value)}'`)
}

function toInt(value: PyValue): bigint {
  if (typeof value === 'bigint') return value
  if (typeof value === 'boolean') return value ? 1n : 0n
  if (typeof value === 'number') {
    if (Number.isNaN(value)) throw new PyError('ValueError', 'cannot convert float NaN to integer')
    if (!Number.isFinite(value))
      throw new PyError('OverflowError', 'cannot convert float infinity to integer')
    return BigInt(Math.trunc(value))
  }
  if (value instanceof NbTensor) {
    if (value.numel !== 1)
      throw new PyError('ValueError', 'only one element tensors can be converted to Python scalars')
    return BigInt(Math.trunc(value.t.data[0]!))
  }
  if (typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value)) return BigInt(value.trim())
  if (typeof value === 'string')
    throw new PyError('ValueError', `invalid literal for int() with base 10: ${repr(value)}`)
  throw typeError(
    `int() argument must be a string, a bytes-like object or a real number, not '${typeName(value)}'`,
  )
}

function roundHalfEven(x: number, digits: number): number {
  const factor = 10 ** digits
  const scaled = x * factor
  const floor = Math.floor(scaled)
  const diff = scaled - floor
  const rounded = diff > 0.5 ? floor + 1 : diff < 0.5 ? floor : floor % 2 === 0 ? floor : floor + 1
  return digits === 0 ? rounded : Number((rounded / factor).toPrecision(15))
}

function extremum(name: 'min' | 'max', interpreter: Interpreter): PyFunction {
  return fn(name, (args, kwargs) => {
    if (kwargs.size > 0) throw notSupported(`${name}() with keyword arguments`)
    const items = args.length === 1 ? [...interpreter.iterate(args[0]!, interpreter.current)] : args
    if (items.length === 0) throw new PyError('ValueError', `${name}() arg is an empty sequence`)
    let best: PyValue = items[0]!
    for (const item of items.slice(1)) {
      if (item instanceof NbTensor || best instanceof NbTensor)
        throw notSupported(
          `${name}() of tensors (use torch.${name === 'min' ? 'minimum' : 'maximum'})`,
        )
      if (pyCompare(name === 'min' ? '<' : '>', item, best)) best = item
    }
    return best
  })
}

export function builtins(interpreter: Interpreter): Map<string, PyValue> {
  if (table && owner === interpreter) return table
  owner = interpreter
  table = new Map<string, PyValue>([
    [
      'print',
      fn('print', (args, kwargs) => {
        for (const key of kwargs.keys())
          if (key !== 'sep' && key !== 'end' && key !== 'flush' && key !== 'file')
            throw typeError(`'${key}' is an invalid keyword argument for print()`)
        if (kwargs.has('file')) throw notSupported('print(…, file=)')
        const sep = kwargs.get('sep') ?? ' '
        const end = kwargs.get('end') ?? '\n'
        if (sep !== null && typeof sep !== 'string')
          throw typeError(`sep must be None or a string, not ${typeName(sep)}`)
        if (end !== null && typeof end !== 'string')
          throw typeError(`end must be None or a string, not ${typeName(end)}`)
        emit({ type: 'stdout', text: args.map(str).join(sep ?? ' ') + (end ?? '\n') })
        return null
      }),
    ],
    [
      'range',
      fn('range', (args, kwargs) => {
        if (kwargs.size > 0) throw typeError('range() takes no keyword arguments')
        if (args.length === 0 || args.length > 3)
          throw typeError(`range expected at least 1 argument, got ${args.length}`)
        const ints = args.map((a) => {
          if (typeof a === 'bigint') return a
          if (typeof a === 'boolean') return a ? 1n : 0n
          throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`)
        })
        const [start, stop, step] =
          ints.length === 1 ? [0n, ints[0]!, 1n] : [ints[0]!, ints[1]!, ints[2] ?? 1n]
        if (step === 0n) throw new PyError('ValueError', 'range() arg 3 must not be zero')
        return { kind: 'range', start, stop, step }
      }),
    ],
    [
      'len',
      fn('len', (args, kwargs) => {
        const bound = bind('len', args, kwargs, ['obj'], 1)
        const value = bound.get('obj')!
        if (typeof value === 'string') return BigInt(value.length)
        if (value instanceof NbTensor) {
          if (value.shape.length === 0) throw typeError('len() of a 0-d tensor')
          return BigInt(value.shape[0]!)
        }
        if (typeof value === 'object' && value !== null) {
          if (value.kind === 'list' || value.kind === 'tuple') return BigInt(value.items.length)
          if (value.kind === 'range') return rangeLength(value)
          if (value.kind === 'size') return BigInt(value.dims.length)
          if (value.kind === 'ndarray') return BigInt(value.data.length)
        }
        throw typeError(`object of type '${typeName(value)}' has no len()`)
      }),
    ],
    [
      'abs',
      fn('abs', (args, kwargs) => {
        const value = bind('abs', args, kwargs, ['x'], 1).get('x')!
        if (typeof value === 'bigint') return value < 0n ? -value : value
        if (typeof value === 'boolean') return value ? 1n : 0n
        if (typeof value === 'number') return Math.abs(value)
        if (value instanceof NbTensor) return unaryAbs(value)
        throw typeError(`bad operand type for abs(): '${typeName(value)}'`)
      }),
    ],
    ['float', fn('float', (args) => (args.length === 0 ? 0 : toFloat(args[0]!)))],
    ['int', fn('int', (args) => (args.length === 0 ? 0n : toInt(args[0]!)))],
    ['bool', fn('bool', (args) => (args.length === 0 ? false : truthyOf(args[0]!)))],
    ['str', fn('str', (args) => (args.length === 0 ? '' : str(args[0]!)))],
    [
      'repr',
      fn('repr', (args, kwargs) => repr(bind('repr', args, kwargs, ['obj'], 1).get('obj')!)),
    ],
    [
      'round',
      fn('round', (args, kwargs) => {
        const bound = bind('round', args, kwargs, ['number', 'ndigits'], 1)
        const value = bound.get('number')!
        const digits = bound.get('ndigits')
        if (typeof value === 'bigint') return value
        const x = toFloat(value)
        if (digits === undefined || digits === null) return BigInt(roundHalfEven(x, 0))
        return roundHalfEven(x, Number(toInt(digits)))
      }),
    ],
    ['min', extremum('min', interpreter)],
    ['max', extremum('max', interpreter)],
    [
      'sum',
      fn('sum', (args, kwargs) => {
        const bound = bind('sum', args, kwargs, ['iterable', 'start'], 1)
        let total: PyValue = bound.get('start') ?? 0n
        for (const item of interpreter.iterate(bound.get('iterable')!, interpreter.current))
          total = addValues(total, item)
        return total
      }),
    ],
    [
      'list',
      fn('list', (args) =>
        list(args.length === 0 ? [] : [...interpreter.iterate(args[0]!, interpreter.current)]),
      ),
    ],
    [
      'tuple',
      fn('tuple', (args) =>
        tuple(args.length === 0 ? [] : [...interpreter.iterate(args[0]!, interpreter.current)]),
      ),
    ],
    [
      'enumerate',
      fn('enumerate', (args) =>
        list(
          [...interpreter.iterate(args[0]!, interpreter.current)].map((v, i) =>
            tuple([BigInt(i), v]),
          ),
        ),
      ),
    ],
    [
      'zip',
      fn('zip', (args) => {
        const lists = args.map((a) => [...interpreter.iterate(a, interpreter.current)])
        const length = Math.min(...lists.map((l) => l.length))
        return list(Array.from({ length }, (_, i) => tuple(lists.map((l) => l[i]!))))
      }),
    ],
    [
      'type',
      fn('type', (args) => ({
        kind: 'opaque',
        typeName: 'type',
        repr: `<class '${classPath(args[0] ?? null)}'>`,
      })),
    ],
    [
      'isinstance',
      fn('isinstance', () => {
        throw notSupported('isinstance()')
      }),
    ],
  ])
  return table
}

function classPath(value: PyValue): string {
  const name = typeName(value)
  return name === 'Tensor' ? 'torch.Tensor' : name === 'Size' ? 'torch.Size' : name
}

const addValues = (a: PyValue, b: PyValue): PyValue => binaryOp('+', a, b)
const truthyOf = (v: PyValue): boolean => truthy(v)
const unaryAbs = (x: NbTensor): NbTensor => unary('abs', x)
