import type { GradFn } from '../autograd'
import { floatRepr } from './format'
import type { NbTensor } from './tensor'

/**
 * Python values as the interpreter holds them: None is null, bool a boolean, int a bigint (unbounded, as
 * Python's), float a number, str a string; everything else an object with a `kind`.
 */
export type PyValue =
  | null
  | boolean
  | bigint
  | number
  | string
  | PyList
  | PyTuple
  | PyRange
  | NbTensor
  | PyModule
  | PyFunction
  | PyDType
  | PyGradFn
  | PySize
  | PyNdArray
  | PyOpaque

export interface PyList {
  kind: 'list'
  items: PyValue[]
}
export interface PyTuple {
  kind: 'tuple'
  items: PyValue[]
}
export interface PyRange {
  kind: 'range'
  start: bigint
  stop: bigint
  step: bigint
}
export interface PyModule {
  kind: 'module'
  name: string
  attrs: Map<string, PyValue>
}
/** A builtin, a module's function or a bound method. */
export interface PyFunction {
  kind: 'function'
  name: string
  /** How Python shows it: `<built-in method sin of type object at 0x…>`, shortened to the name here. */
  qualname: string
  call: (args: PyValue[], kwargs: Map<string, PyValue>) => PyValue
}
export interface PyDType {
  kind: 'dtype'
  name: 'float32' | 'float64' | 'int64' | 'bool'
}
export interface PyGradFn {
  kind: 'gradfn'
  node: GradFn
  name: string
}
export interface PySize {
  kind: 'size'
  dims: number[]
}
/** What `.numpy()` gives: a float or int array, enough to plot; numpy's printing is not supported. */
export interface PyNdArray {
  kind: 'ndarray'
  data: number[]
  dtype: string
  shape: number[]
}
/** A value the notebook only passes around and shows: a no_grad context, a Line2D, a Legend. */
export interface PyOpaque {
  kind: 'opaque'
  typeName: string
  repr: string
  /** For `with`: what entering and leaving do. */
  enter?: () => void
  exit?: () => void
}

export const isTensor = (value: PyValue): value is NbTensor =>
  typeof value === 'object' && value !== null && value.kind === 'tensor'

export function typeName(value: PyValue): string {
  if (value === null) return 'NoneType'
  switch (typeof value) {
    case 'boolean':
      return 'bool'
    case 'bigint':
      return 'int'
    case 'number':
      return 'float'
    case 'string':
      return 'str'
  }
  switch (value.kind) {
    case 'list':
    case 'tuple':
    case 'range':
    case 'module':
      return value.kind
    case 'tensor':
      return 'Tensor'
    case 'function':
      return 'builtin_function_or_method'
    case 'dtype':
      return 'torch.dtype'
    case 'gradfn':
      return value.name
    case 'size':
      return 'Size'
    case 'ndarray':
      return 'numpy.ndarray'
    case 'opaque':
      return value.typeName
  }
}

/** A fake but stable address for reprs that show one (`<PowBackward0 object at 0x7f…>`). */
const addresses = new WeakMap<object, number>()
let nextAddress = 0
export function addressOf(object: object): string {
  let address = addresses.get(object)
  if (address === undefined) {
    address = nextAddress++
    addresses.set(object, address)
  }
  return `0x7f${(0x1a2b3c4d00 + address * 0x40).toString(16).padStart(10, '0')}`
}

export function pyRepr(value: PyValue, tensorRepr: (t: NbTensor) => string): string {
  if (value === null) return 'None'
  switch (typeof value) {
    case 'boolean':
      return value ? 'True' : 'False'
    case 'bigint':
      return value.toString()
    case 'number':
      return floatRepr(value)
    case 'string':
      return stringRepr(value)
  }
  switch (value.kind) {
    case 'list':
      return `[${value.items.map((item) => pyRepr(item, tensorRepr)).join(', ')}]`
    case 'tuple':
      return value.items.length === 1
        ? `(${pyRepr(value.items[0]!, tensorRepr)},)`
        : `(${value.items.map((item) => pyRepr(item, tensorRepr)).join(', ')})`
    case 'range':
      return value.step === 1n
        ? `range(${value.start}, ${value.stop})`
        : `range(${value.start}, ${value.stop}, ${value.step})`
    case 'tensor':
      return tensorRepr(value)
    case 'module':
      return `<module '${value.name}'>`
    case 'function':
      return `<built-in function ${value.name}>`
    case 'dtype':
      return `torch.${value.name}`
    case 'gradfn':
      return `<${value.name} object at ${addressOf(value.node)}>`
    case 'size':
      return `torch.Size([${value.dims.join(', ')}])`
    case 'ndarray':
      return `array(${value.data.length} values)`
    case 'opaque':
      return value.repr
  }
}

export function pyStr(value: PyValue, tensorRepr: (t: NbTensor) => string): string {
  return typeof value === 'string' ? value : pyRepr(value, tensorRepr)
}

/** Python's repr of a str: single quotes unless the text has one and no double quote. */
export function stringRepr(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'"
  let out = quote
  for (const c of text) {
    if (c === quote || c === '\\') out += `\\${c}`
    else if (c === '\n') out += '\\n'
    else if (c === '\t') out += '\\t'
    else if (c === '\r') out += '\\r'
    else if (c < ' ' || c === '\x7f') out += `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`
    else out += c
  }
  return out + quote
}

export function truthy(value: PyValue): boolean {
  if (value === null) return false
  switch (typeof value) {
    case 'boolean':
      return value
    case 'bigint':
      return value !== 0n
    case 'number':
      return value !== 0
    case 'string':
      return value.length > 0
  }
  switch (value.kind) {
    case 'list':
    case 'tuple':
      return value.items.length > 0
    case 'range':
      return rangeLength(value) > 0n
    case 'size':
      return value.dims.length > 0
    default:
      return true
  }
}

export function rangeLength(range: PyRange): bigint {
  const { start, stop, step } = range
  if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n
  return start > stop ? (start - stop - step - 1n) / -step : 0n
}

export const list = (items: PyValue[]): PyList => ({ kind: 'list', items })
export const tuple = (items: PyValue[]): PyTuple => ({ kind: 'tuple', items })
