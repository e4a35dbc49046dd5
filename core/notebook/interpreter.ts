import * as ag from '../autograd'
import type { Expr, Stmt } from './ast'
import { charge, chargeIteration } from './budget'
import { attributeError, notSupported, PyError, type Span } from './errors'
import { formatNumber, parseSpec } from './format'
import { binaryOp, pyCompare, pyEquals } from './python-ops'
import {
  gradModeFor,
  moduleAttribute,
  selectIndex,
  setGradMode,
  setTensorAttribute,
  tensorAttribute,
} from './torch-module'
import { binary, NbTensor, unary } from './tensor'
import { tensorRepr } from './tensor-str'
import { builtins } from './builtins'
import { list, pyRepr, pyStr, rangeLength, truthy, tuple, typeName, type PyValue } from './values'
import { importModule, type Modules } from './imports'
import { noteOrigin } from './origins'

/**
 * The evaluator: walks the tree statement by statement over one namespace (the session's globals), as
 * CPython's ceval does for module code. Every step is charged to the cell's budget. Errors are PyErrors
 * with the span of the node that raised them; an error from the engine (a JS Error with PyTorch's text)
 * becomes the RuntimeError PyTorch raises.
 */
export interface Namespace {
  globals: Map<string, PyValue>
  modules: Modules
}

class Break {}
class Continue {}

export const repr = (value: PyValue): string => pyRepr(value, tensorRepr)
export const str = (value: PyValue): string => pyStr(value, tensorRepr)

/** Attaches `span` to an error that has none, and turns an engine error into PyTorch's RuntimeError. */
export function located(error: unknown, span: Span): unknown {
  if (error instanceof PyError) {
    error.span ??= span
    return error
  }
  if (error instanceof Break || error instanceof Continue) return error
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new PyError('RecursionError', 'maximum recursion depth exceeded', span)
  if (error instanceof Error) return new PyError('RuntimeError', error.message, span)
  return new PyError('RuntimeError', String(error), span)
}

export class Interpreter {
  constructor(private readonly ns: Namespace) {}
  /** The statement running now, for warnings. */
  current: Span = { start: 0, end: 0 }
  /** The names this interpreter bound, in the order first bound (the cell's "Show graph" candidates). */
  readonly bound = new Set<string>()

  run(body: Stmt[]): void {
    for (const stmt of body) this.exec(stmt)
  }

  exec(stmt: Stmt): void {
    charge(1)
    this.current = stmt.span
    try {
      this.execInner(stmt)
    } catch (error) {
      throw located(error, stmt.span)
    }
  }

  private execInner(stmt: Stmt): void {
    switch (stmt.kind) {
      case 'expr':
        this.eval(stmt.value)
        return
      case 'assign': {
        const value = this.eval(stmt.value)
        for (const target of stmt.targets) this.assign(target, value)
        return
      }
      case 'augassign':
        this.augmented(stmt.target, stmt.op, stmt.value)
        return
      case 'import':
        importModule(this.ns, stmt.module, stmt.alias, stmt.span)
        return
      case 'for': {
        const items = this.iterate(this.eval(stmt.iter), stmt.iter.span)
        for (const item of items) {
          chargeIteration()
          this.assign(stmt.target, item)
          try {
            this.run(stmt.body)
          } catch (signal) {
            if (signal instanceof Break) break
            if (signal instanceof Continue) continue
            throw signal
          }
        }
        return
      }
      case 'with':
        this.withBlock(stmt.context, stmt.body)
        return
      case 'if':
        this.run(truthy(this.condition(stmt.test)) ? stmt.body : stmt.orelse)
        return
      case 'pass':
        return
      case 'break':
        throw new Break()
      case 'continue':
        throw new Continue()
    }
  }

  private withBlock(contextExpr: Expr, body: Stmt[]): void {
    const context = this.eval(contextExpr)
    if (
      typeof context !== 'object' ||
      context === null ||
      context.kind !== 'opaque' ||
      !context.enter
    )
      throw new PyError(
        'TypeError',
        `'${typeName(context)}' object does not support the context manager protocol`,
        contextExpr.span,
      )
    context.enter()
    try {
      ag.noGrad(() => this.run(body))
    } finally {
      context.exit?.()
      setGradMode(true)
    }
  }

  private condition(test: Expr): PyValue {
    const value = this.eval(test)
    if (value instanceof NbTensor && value.numel !== 1)
      throw new PyError(
        'RuntimeError',
        'Boolean value of Tensor with more than one value is ambiguous',
        test.span,
      )
    return value instanceof NbTensor ? value.t.data[0] !== 0 : value
  }

  *iterate(value: PyValue, span: Span): Generator<PyValue> {
    if (typeof value === 'object' && value !== null) {
      if (value.kind === 'range') {
        const count = rangeLength(value)
        for (let i = 0n; i < count; i++) yield value.start + i * value.step
        return
      }
      if (value.kind === 'list' || value.kind === 'tuple') {
        // A snapshot of the items, as iterating a list that grows does not apply here (no append).
        yield* [...value.items]
        return
      }
      if (value instanceof NbTensor) {
        if (value.shape.length === 0)
          throw new PyError('TypeError', 'iteration over a 0-d tensor', span)
        for (let i = 0; i < value.numel; i++) yield selectIndex(value, BigInt(i))
        return
      }
      if (value.kind === 'size') {
        yield* value.dims.map(BigInt)
        return
      }
    }
    if (typeof value === 'string') {
      yield* [...value]
      return
    }
    throw new PyError('TypeError', `'${typeName(value)}' object is not iterable`, span)
  }

  private assign(target: Expr, value: PyValue): void {
    switch (target.kind) {
      case 'name':
        this.ns.globals.set(target.id, value)
        this.bound.add(target.id)
        return
      case 'attr': {
        const object = this.eval(target.object)
        if (object instanceof NbTensor) setTensorAttribute(object, target.name, value)
        else if (typeof object === 'object' && object !== null && object.kind === 'module')
          throw notSupported('assigning to a module attribute', target.span)
        else throw attributeError(`'${typeName(object)}' object has no attribute '${target.name}'`)
        return
      }
      case 'index': {
        const object = this.eval(target.object)
        const index = this.eval(target.index)
        if (typeof object === 'object' && object !== null && object.kind === 'list') {
          object.items[
            this.sequenceIndex(object.items.length, index, 'list assignment', target.span)
          ] = value
          return
        }
        if (object instanceof NbTensor)
          throw notSupported('assigning to a tensor element', target.span)
        throw new PyError(
          'TypeError',
          `'${typeName(object)}' object does not support item assignment`,
          target.span,
        )
      }
      case 'tuple':
      case 'list': {
        const items = [...this.iterate(value, target.span)]
        if (items.length !== target.items.length)
          throw new PyError(
            'ValueError',
            items.length > target.items.length
              ? `too many values to unpack (expected ${target.items.length})`
              : `not enough values to unpack (expected ${target.items.length}, got ${items.length})`,
            target.span,
          )
        target.items.forEach((t, i) => this.assign(t, items[i]!))
        return
      }
      default:
        throw notSupported('this assignment target', target.span)
    }
  }

  private augmented(target: Expr, op: Parameters<typeof binaryOp>[0], valueExpr: Expr): void {
    const current = this.eval(target)
    const value = this.eval(valueExpr)
    if (current instanceof NbTensor) {
      // In place, as Tensor.__iadd__: a leaf that requires grad refuses, others change their values.
      if (current.t.requiresGrad && current.t.isLeaf && ag.isGradEnabled())
        throw new PyError(
          'RuntimeError',
          'a leaf Variable that requires grad is being used in an in-place operation.',
          target.span,
        )
      if (op === '//' || op === '%') throw notSupported(`'${op}=' on tensors`, target.span)
      const result = binary(
        op as '+',
        current,
        value instanceof NbTensor ? value : (value as number),
      )
      if (
        result.dtype !== current.dtype &&
        current.dtype !== 'float64' &&
        !(current.dtype === 'float32')
      )
        throw new PyError(
          'RuntimeError',
          `result type Float can't be cast to the desired output type ${current.dtype === 'int64' ? 'Long' : 'Bool'}`,
          target.span,
        )
      if (result.numel !== current.numel)
        throw new PyError(
          'RuntimeError',
          `output with shape [${current.shape.join(', ')}] doesn't match the broadcast shape [${result.shape.join(', ')}]`,
          target.span,
        )
      if (result.t.gradFn) {
        current.t = result.t
        // `y += x` records an op whose source is the whole statement, not its right-hand side.
        noteOrigin(result.t, { start: target.span.start, end: valueExpr.span.end })
      } else (current.t.data as Float64Array).set(result.t.data)
      if (target.kind === 'name') this.bound.add(target.id)
      return
    }
    if (typeof current === 'object' && current !== null && current.kind === 'list' && op === '+') {
      current.items.push(...this.iterate(value, valueExpr.span))
      return
    }
    this.assign(target, binaryOp(op, current, value))
  }

  private sequenceIndex(length: number, index: PyValue, what: string, span: Span): number {
    if (typeof index !== 'bigint' && typeof index !== 'boolean')
      throw new PyError(
        'TypeError',
        `${what.split(' ')[0]} indices must be integers or slices, not ${typeName(index)}`,
        span,
      )
    let i = Number(index)
    if (i < 0) i += length
    if (i < 0 || i >= length) throw new PyError('IndexError', `${what} index out of range`, span)
    return i
  }

  /** An expression's value; a tensor it made remembers the expression (origins.ts, for the graph view). */
  eval(expr: Expr): PyValue {
    const value = this.evalNode(expr)
    if (value instanceof NbTensor) noteOrigin(value.t, expr.span, expr)
    return value
  }

  private evalNode(expr: Expr): PyValue {
    charge(1)
    switch (expr.kind) {
      case 'int':
        return expr.value
      case 'float':
        return expr.value
      case 'str':
        return expr.value
      case 'const':
        return expr.value
      case 'fstr':
        return this.fstring(expr.parts)
      case 'name': {
        const value = this.ns.globals.get(expr.id)
        if (value !== undefined) return value
        const builtin = builtins(this).get(expr.id)
        if (builtin !== undefined) return builtin
        throw new PyError('NameError', `name '${expr.id}' is not defined`, expr.span)
      }
      case 'attr':
        return this.attribute(expr)
      case 'call':
        return this.call(expr)
      case 'index':
        return this.index(expr)
      case 'binary': {
        const left = this.eval(expr.left)
        const right = this.eval(expr.right)
        try {
          return gradModeFor(() => binaryOp(expr.op, left, right))
        } catch (error) {
          throw located(error, expr.span)
        }
      }
      case 'unary': {
        const operand = this.eval(expr.operand)
        if (expr.op === 'not') return !truthy(this.conditionValue(operand, expr.span))
        if (operand instanceof NbTensor) {
          if (expr.op === '+') return operand
          return gradModeFor(() => unary('neg', operand))
        }
        if (typeof operand === 'boolean')
          return expr.op === '-' ? (operand ? -1n : 0n) : operand ? 1n : 0n
        if (typeof operand === 'bigint') return expr.op === '-' ? -operand : operand
        if (typeof operand === 'number') return expr.op === '-' ? -operand : operand
        throw new PyError(
          'TypeError',
          `bad operand type for unary ${expr.op}: '${typeName(operand)}'`,
          expr.span,
        )
      }
      case 'bool': {
        const left = this.eval(expr.left)
        const leftTruth = truthy(this.conditionValue(left, expr.left.span))
        if (expr.op === 'and') return leftTruth ? this.eval(expr.right) : left
        return leftTruth ? left : this.eval(expr.right)
      }
      case 'ifexp':
        return truthy(this.condition(expr.test)) ? this.eval(expr.body) : this.eval(expr.orelse)
      case 'compare':
        return this.compare(expr)
      case 'list':
        return list(expr.items.map((item) => this.eval(item)))
      case 'tuple':
        return tuple(expr.items.map((item) => this.eval(item)))
    }
  }

  private conditionValue(value: PyValue, span: Span): PyValue {
    if (value instanceof NbTensor) {
      if (value.numel !== 1)
        throw new PyError(
          'RuntimeError',
          'Boolean value of Tensor with more than one value is ambiguous',
          span,
        )
      return value.t.data[0] !== 0
    }
    return value
  }

  private compare(expr: Extract<Expr, { kind: 'compare' }>): PyValue {
    let left = this.eval(expr.operands[0]!)
    let result: PyValue = true
    for (let i = 0; i < expr.ops.length; i++) {
      const right = this.eval(expr.operands[i + 1]!)
      const op = expr.ops[i]!
      let value: PyValue
      if (left instanceof NbTensor || right instanceof NbTensor)
        value = tensorCompare(op, left, right, expr.span)
      else if (op === '==') value = pyEquals(left, right)
      else if (op === '!=') value = !pyEquals(left, right)
      else if (op === 'is') value = identical(left, right)
      else if (op === 'is not') value = !identical(left, right)
      else if (op === 'in' || op === 'not in') {
        const found = [...this.iterate(right, expr.span)].some((item) => pyEquals(item, left))
        value = op === 'in' ? found : !found
      } else {
        try {
          value = pyCompare(op, left, right)
        } catch (error) {
          throw located(error, expr.span)
        }
      }
      if (expr.ops.length === 1) return value
      if (!truthy(this.conditionValue(value, expr.span))) return value
      result = value
      left = right
    }
    return result
  }

  private fstring(parts: Extract<Expr, { kind: 'fstr' }>['parts']): string {
    let out = ''
    for (const part of parts) {
      if (typeof part === 'string') {
        out += part
        continue
      }
      const value = this.eval(part.expr)
      out += formatValue(
        part.conversion === 'r' ? repr(value) : part.conversion === 's' ? str(value) : value,
        part.spec,
        part.expr.span,
      )
    }
    return out
  }

  private attribute(expr: Extract<Expr, { kind: 'attr' }>): PyValue {
    const object = this.eval(expr.object)
    try {
      return attributeOf(object, expr.name)
    } catch (error) {
      throw located(error, expr.span)
    }
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): PyValue {
    const func = this.eval(expr.func)
    const args = expr.args.map((arg) => this.eval(arg))
    const kwargs = new Map<string, PyValue>()
    for (const keyword of expr.keywords) kwargs.set(keyword.name, this.eval(keyword.value))
    if (typeof func !== 'object' || func === null || func.kind !== 'function')
      throw new PyError('TypeError', `'${typeName(func)}' object is not callable`, expr.span)
    try {
      return gradModeFor(() => func.call(args, kwargs))
    } catch (error) {
      throw located(error, expr.span)
    }
  }

  private index(expr: Extract<Expr, { kind: 'index' }>): PyValue {
    const object = this.eval(expr.object)
    const index = this.eval(expr.index)
    try {
      if (object instanceof NbTensor) return gradModeFor(() => selectIndex(object, index))
      if (
        typeof object === 'object' &&
        object !== null &&
        (object.kind === 'list' || object.kind === 'tuple')
      )
        return object.items[
          this.sequenceIndex(object.items.length, index, `${object.kind}`, expr.span)
        ]!
      if (typeof object === 'string')
        return object[this.sequenceIndex(object.length, index, 'string', expr.span)]!
      if (typeof object === 'object' && object !== null && object.kind === 'size')
        return BigInt(
          object.dims[this.sequenceIndex(object.dims.length, index, 'tuple', expr.span)]!,
        )
      if (typeof object === 'object' && object !== null && object.kind === 'ndarray') {
        const i = this.sequenceIndex(object.data.length, index, 'index', expr.span)
        return object.data[i]!
      }
    } catch (error) {
      throw located(error, expr.span)
    }
    throw new PyError('TypeError', `'${typeName(object)}' object is not subscriptable`, expr.span)
  }
}

function identical(a: PyValue, b: PyValue): boolean {
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b
  if (a.kind === 'dtype' && b.kind === 'dtype') return a.name === b.name
  return a === b
}

function tensorCompare(op: string, a: PyValue, b: PyValue, span: Span): PyValue {
  if (op === 'is') return identical(a, b)
  if (op === 'is not') return !identical(a, b)
  const toOperand = (v: PyValue) =>
    v instanceof NbTensor
      ? v.t
      : typeof v === 'boolean'
        ? v
          ? 1
          : 0
        : typeof v === 'bigint' || typeof v === 'number'
          ? Number(v)
          : null
  const x = toOperand(a)
  const y = toOperand(b)
  if (x === null || y === null) {
    if (op === '==') return false
    if (op === '!=') return true
    throw new PyError(
      'TypeError',
      `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`,
      span,
    )
  }
  const kernels = { '<': ag.lt, '>': ag.gt, '<=': ag.le, '>=': ag.ge, '==': ag.eq } as const
  if (op === '!=') {
    const equal = ag.eq(x, y)
    const data = Float64Array.from(equal.data, (v) => (v ? 0 : 1))
    return new NbTensor(new ag.Tensor(data, equal.shape), 'bool')
  }
  const kernel = kernels[op as keyof typeof kernels]
  if (!kernel) throw notSupported(`'${op}' with a tensor`, span)
  const result = kernel(x, y)
  return new NbTensor(new ag.Tensor(Float64Array.from(result.data), result.shape), 'bool')
}

export function attributeOf(object: PyValue, name: string): PyValue {
  if (object instanceof NbTensor) return tensorAttribute(object, name)
  if (typeof object === 'object' && object !== null) {
    if (object.kind === 'module') return moduleAttribute(object, name)
    if (object.kind === 'gradfn' && name === 'name')
      return { kind: 'function', name: 'name', qualname: 'name', call: () => object.name }
    if (object.kind === 'dtype' && name === 'is_floating_point')
      return object.name.startsWith('float')
  }
  throw attributeError(`'${typeName(object)}' object has no attribute '${name}'`)
}

/** format(value, spec) as an f-string's `{value:spec}`: a 0-dim tensor formats as its item (Tensor.__format__). */
export function formatValue(value: PyValue, spec: string, span: Span): string {
  if (spec === '') return str(value)
  let subject: PyValue = value
  if (value instanceof NbTensor) {
    if (value.shape.length !== 0)
      throw new PyError('TypeError', 'unsupported format string passed to Tensor.__format__', span)
    subject =
      value.dtype === 'int64'
        ? BigInt(value.t.data[0]!)
        : value.dtype === 'bool'
          ? value.t.data[0] !== 0
          : value.t.data[0]!
  }
  const parsed = parseSpec(spec)
  if (typeof subject === 'string') {
    if (!parsed || (parsed.type !== null && parsed.type !== 's'))
      throw new PyError(
        'ValueError',
        `Unknown format code '${spec.slice(-1)}' for object of type 'str'`,
        span,
      )
    let text = subject
    if (parsed.precision !== null) text = text.slice(0, parsed.precision)
    return text.length >= parsed.width
      ? text
      : parsed.align === '>'
        ? text.padStart(parsed.width, parsed.fill)
        : parsed.align === '^'
          ? center(text, parsed.width, parsed.fill)
          : text.padEnd(parsed.width, parsed.fill)
  }
  if (typeof subject === 'boolean') subject = subject ? 1n : 0n
  if (typeof subject === 'bigint' || typeof subject === 'number') {
    const formatted = parsed ? formatNumber(subject, parsed) : null
    if (formatted === null)
      throw new PyError(
        'ValueError',
        `Unknown format code '${spec.slice(-1)}' for object of type '${typeof subject === 'bigint' ? 'int' : 'float'}'`,
        span,
      )
    return formatted
  }
  throw new PyError(
    'TypeError',
    `unsupported format string passed to ${typeName(value)}.__format__`,
    span,
  )
}

function center(text: string, width: number, fill: string): string {
  const left = Math.floor((width - text.length) / 2)
  return fill.repeat(left) + text + fill.repeat(width - text.length - left)
}
