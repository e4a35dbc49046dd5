import * as ag from '../autograd'
import { bind, boolArg } from './args'
import { warn } from './context'
import { attributeError, notSupported, PyError, runtimeError, typeError } from './errors'
import { MODULE_NAMES, TENSOR_NAMES } from './module-names'
import { linspaceValues } from './linspace'
import {
  binary,
  checkSize,
  convert,
  getDefaultDtype,
  gradFnName,
  isFloating,
  NbTensor,
  markData,
  reduce,
  requireTensor,
  roundInPlace,
  setDefaultDtype,
  unary,
  wrap,
  type DType,
} from './tensor'
import { values } from './tensor-str'
import {
  list,
  tuple,
  typeName,
  type PyDType,
  type PyFunction,
  type PyModule,
  type PyValue,
} from './values'
import { charge } from './budget'

/**
 * The modules a cell may import, each with only the names the real one has: `torch`, `torch.nn`,
 * `torch.nn.functional`, `torch.functional` (which has no relu), `torch.autograd`. A name the real
 * module has that the notebook does not run is a NotSupportedError; a name it lacks, Python's
 * AttributeError.
 */

const names = (module: string): Set<string> => new Set((MODULE_NAMES[module] ?? '').split(' '))
const TENSOR_ATTRIBUTES = new Set(TENSOR_NAMES.split(' '))

export const fn = (name: string, call: PyFunction['call'], qualname = name): PyFunction => ({
  kind: 'function',
  name,
  qualname,
  call,
})

const DTYPES: Record<string, DType> = {
  float32: 'float32',
  float: 'float32',
  float64: 'float64',
  double: 'float64',
  int64: 'int64',
  long: 'int64',
  bool: 'bool',
}
export const dtypeValue = (name: DType): PyDType => ({ kind: 'dtype', name })

function dtypeArg(fnName: string, value: PyValue | undefined): DType | null {
  if (value === undefined || value === null) return null
  if (typeof value === 'object' && value.kind === 'dtype') return value.name
  throw typeError(
    `${fnName}(): argument 'dtype' must be torch.dtype, not ${typeof value === 'string' ? 'str' : 'object'}`,
  )
}

function numberArg(fnName: string, name: string, value: PyValue | undefined): number {
  if (typeof value === 'number') return value
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof NbTensor && value.numel === 1) return value.t.data[0]!
  throw typeError(
    `${fnName}(): argument '${name}' must be Number, not ${value === null ? 'NoneType' : typeof value === 'string' ? 'str' : 'object'}`,
  )
}

function intArg(fnName: string, name: string, value: PyValue | undefined): number {
  if (typeof value === 'bigint') return Number(value)
  if (typeof value === 'boolean') return value ? 1 : 0
  throw typeError(
    `${fnName}(): argument '${name}' must be int, not ${typeof value === 'number' ? 'float' : value === null ? 'NoneType' : 'object'}`,
  )
}

function leaf(data: Float64Array, shape: number[], dtype: DType, requiresGrad: boolean): NbTensor {
  checkSize(data.length)
  charge(data.length)
  if (requiresGrad && !isFloating(dtype))
    throw runtimeError('Only Tensors of floating point and complex dtype can require gradients')
  roundInPlace(data, dtype)
  markData(data, dtype)
  return new NbTensor(new ag.Tensor(data, shape as unknown as ag.Shape, null, requiresGrad), dtype)
}

/** torch.tensor's data: a number, a bool, or a flat list/tuple of them. */
function tensorData(value: PyValue): { data: number[]; shape: number[]; kind: DType } {
  const scalarKind = (v: PyValue): DType | null =>
    typeof v === 'number'
      ? 'float32'
      : typeof v === 'bigint'
        ? 'int64'
        : typeof v === 'boolean'
          ? 'bool'
          : null
  const asNumber = (v: PyValue): number => (typeof v === 'boolean' ? (v ? 1 : 0) : Number(v))
  const k = scalarKind(value)
  if (k) return { data: [asNumber(value)], shape: [], kind: k }
  if (
    typeof value === 'object' &&
    value !== null &&
    (value.kind === 'list' || value.kind === 'tuple')
  ) {
    let kind = 'bool' as DType
    const data: number[] = []
    for (const item of value.items) {
      const ik = scalarKind(item)
      if (ik === null) {
        if (item instanceof NbTensor && item.numel === 1) {
          data.push(item.t.data[0]!)
          kind =
            isFloating(item.dtype) || kind === 'float32'
              ? 'float32'
              : item.dtype === 'int64' || kind === 'int64'
                ? 'int64'
                : kind
          continue
        }
        if (
          typeof item === 'object' &&
          item !== null &&
          (item.kind === 'list' || item.kind === 'tuple')
        )
          throw notSupported('a tensor of more than one dimension')
        throw typeError(
          `new(): invalid data type '${item === null ? 'NoneType' : typeof item === 'string' ? 'str' : 'object'}'`,
        )
      }
      if (ik === 'float32' || kind === 'float32') kind = 'float32'
      else if (ik === 'int64' || kind === 'int64') kind = 'int64'
      data.push(asNumber(item))
    }
    return { data, shape: [data.length], kind: value.items.length === 0 ? 'float32' : kind }
  }
  if (value instanceof NbTensor)
    throw notSupported('torch.tensor() of a tensor (use x.clone().detach())')
  if (typeof value === 'object' && value !== null && value.kind === 'ndarray')
    return {
      data: value.data,
      shape: value.shape,
      kind: value.dtype === 'float64' ? 'float64' : value.dtype === 'int64' ? 'int64' : 'float32',
    }
  throw new PyError(
    'RuntimeError',
    `Could not infer dtype of ${value === null ? 'NoneType' : typeof value === 'string' ? 'str' : 'object'}`,
  )
}

function factoryOptions(name: string, kwargs: Map<string, PyValue>, bound: Map<string, PyValue>) {
  void kwargs
  return {
    dtype: dtypeArg(name, bound.get('dtype')),
    requiresGrad: boolArg(name, 'requires_grad', bound.get('requires_grad'), false),
  }
}

const FACTORY_KEYWORDS = ['dtype', 'requires_grad', 'device']

function sizeArgs(fnName: string, args: PyValue[]): number[] {
  const dims =
    args.length === 1 &&
    typeof args[0] === 'object' &&
    args[0] !== null &&
    (args[0].kind === 'tuple' || args[0].kind === 'list' || args[0].kind === 'size')
      ? args[0].kind === 'size'
        ? args[0].dims.map(BigInt)
        : args[0].items
      : args
  if (dims.length > 1) throw notSupported('a tensor of more than one dimension')
  return dims.map((d) => {
    if (typeof d !== 'bigint')
      throw typeError(
        `${fnName}(): argument 'size' must be tuple of ints, but found element of type ${typeof d === 'number' ? 'float' : 'object'} at pos 0`,
      )
    if (d < 0n) throw runtimeError(`Trying to create tensor with negative dimension ${d}: [${d}]`)
    return Number(d)
  })
}

function filled(fnName: string, value: number) {
  return fn(fnName, (args, kwargs) => {
    const bound = bind(fnName, [], kwargs, [], 0, FACTORY_KEYWORDS)
    const shape = sizeArgs(fnName, args)
    const { dtype, requiresGrad } = factoryOptions(fnName, kwargs, bound)
    const count = shape.length === 0 ? 1 : shape[0]!
    checkSize(count)
    return leaf(
      new Float64Array(count).fill(value),
      shape,
      dtype ?? getDefaultDtype(),
      requiresGrad,
    )
  })
}

function filledLike(fnName: string, value: number) {
  return fn(fnName, (args, kwargs) => {
    const bound = bind(fnName, args, kwargs, ['input'], 1, FACTORY_KEYWORDS)
    const x = requireTensor(bound.get('input'), fnName)
    const { dtype, requiresGrad } = factoryOptions(fnName, kwargs, bound)
    return leaf(new Float64Array(x.numel).fill(value), [...x.shape], dtype ?? x.dtype, requiresGrad)
  })
}

/** Ops of the rule table a module or a tensor may offer by their PyTorch name. */
const UNARY_OPS: Record<string, ag.ElementwiseOpName> = {
  exp: 'exp',
  log: 'log',
  log2: 'log2',
  log10: 'log10',
  sqrt: 'sqrt',
  reciprocal: 'reciprocal',
  abs: 'abs',
  sin: 'sin',
  cos: 'cos',
  tan: 'tan',
  asin: 'asin',
  acos: 'acos',
  atan: 'atan',
  arcsin: 'asin',
  arccos: 'acos',
  arctan: 'atan',
  sinh: 'sinh',
  cosh: 'cosh',
  tanh: 'tanh',
  relu: 'relu',
  sigmoid: 'sigmoid',
  softplus: 'softplus',
  log1p: 'log1p',
  expm1: 'expm1',
  erf: 'erf',
  silu: 'silu',
  gelu: 'gelu',
  neg: 'neg',
  negative: 'neg',
}

function unaryFunction(name: string, op: ag.ElementwiseOpName): PyFunction {
  return fn(name, (args, kwargs) => {
    const bound = bind(name, args, kwargs, ['input'], 1)
    return unary(op, requireTensor(bound.get('input'), name))
  })
}

function binaryFunction(name: string, op: '+' | '-' | '*' | '/' | '**'): PyFunction {
  const second = op === '**' ? 'exponent' : 'other'
  return fn(name, (args, kwargs) => {
    const bound = bind(
      name,
      args,
      kwargs,
      ['input', second],
      2,
      op === '+' || op === '-' ? ['alpha'] : [],
    )
    if (bound.has('alpha')) throw notSupported(`${name}(…, alpha=)`)
    const a = bound.get('input')!
    const b = bound.get(second)!
    if (!(a instanceof NbTensor) && !(b instanceof NbTensor)) requireTensor(a, name)
    return binary(op, operand(a, name, 1), operand(b, name, 2))
  })
}

function operand(
  value: PyValue,
  fnName: string,
  position: number,
): NbTensor | number | bigint | boolean {
  if (
    value instanceof NbTensor ||
    typeof value === 'number' ||
    typeof value === 'bigint' ||
    typeof value === 'boolean'
  )
    return value
  return requireTensor(value, fnName, position, position === 1 ? 'input' : 'other')
}

function elementwise2(name: string, op: 'minimum' | 'maximum'): PyFunction {
  return fn(name, (args, kwargs) => {
    const bound = bind(name, args, kwargs, ['input', 'other'], 2)
    const a = requireTensor(bound.get('input'), name)
    const b = requireTensor(bound.get('other'), name, 2, 'other')
    const dtype = a.dtype === b.dtype ? a.dtype : 'float64'
    return wrap(ag.apply(op, a.t, b.t), dtype)
  })
}

function reduction(name: 'sum' | 'mean'): PyFunction {
  return fn(name, (args, kwargs) => {
    const bound = bind(name, args, kwargs, ['input'], 1, ['dtype'])
    if (bound.has('dtype')) throw notSupported(`${name}(…, dtype=)`)
    return reduce(name, requireTensor(bound.get('input'), name))
  })
}

function clampFunction(name: string): PyFunction {
  return fn(name, (args, kwargs) => {
    const bound = bind(name, args, kwargs, ['input', 'min', 'max'], 1)
    const x = requireTensor(bound.get('input'), name)
    const lo = bound.get('min') ?? null
    const hi = bound.get('max') ?? null
    if (lo === null && hi === null)
      throw runtimeError("torch.clamp: At least one of 'min' or 'max' must not be None")
    if (lo === null || hi === null)
      throw notSupported(`${name}() with one bound (use torch.clamp(x, min=…, max=…))`)
    const round = (v: number) => (x.dtype === 'float32' ? Math.fround(v) : v)
    return wrap(
      ag.clamp(x.t, round(numberArg(name, 'min', lo)), round(numberArg(name, 'max', hi))),
      x.dtype,
    )
  })
}

function linspace(): PyFunction {
  return fn('linspace', (args, kwargs) => {
    const bound = bind('linspace', args, kwargs, ['start', 'end', 'steps'], 3, FACTORY_KEYWORDS)
    const start = numberArg('linspace', 'start', bound.get('start'))
    const end = numberArg('linspace', 'end', bound.get('end'))
    const steps = intArg('linspace', 'steps', bound.get('steps'))
    if (steps < 0) throw runtimeError('linspace(): number of steps must be non-negative')
    checkSize(steps)
    const { dtype, requiresGrad } = factoryOptions('linspace', kwargs, bound)
    const d = dtype ?? getDefaultDtype()
    if (d !== 'float32' && d !== 'float64') throw notSupported('an integer linspace')
    return leaf(linspaceValues(start, end, steps, d), [steps], d, requiresGrad)
  })
}

function arange(): PyFunction {
  return fn('arange', (args, kwargs) => {
    if (args.length === 0)
      throw typeError(
        'arange() received an invalid combination of arguments - got (), but expected one of: (Number end, ...)',
      )
    const bound = bind(
      'arange',
      args.length === 1 ? [] : args,
      kwargs,
      ['start', 'end', 'step'],
      0,
      [...FACTORY_KEYWORDS],
    )
    const [startValue, endValue, stepValue] =
      args.length === 1
        ? [0n, args[0]!, 1n]
        : [bound.get('start') ?? 0n, bound.get('end')!, bound.get('step') ?? 1n]
    const allInts = [startValue, endValue, stepValue].every((v) => typeof v === 'bigint')
    const start = numberArg('arange', 'start', startValue)
    const end = numberArg('arange', 'end', endValue)
    const step = numberArg('arange', 'step', stepValue)
    if (step === 0) throw runtimeError('step must be nonzero')
    if ((step > 0 && end < start) || (step < 0 && end > start))
      throw runtimeError('upper bound and larger bound inconsistent with step sign')
    const count = Math.ceil((end - start) / step)
    checkSize(count)
    const { dtype, requiresGrad } = factoryOptions('arange', kwargs, bound)
    const d = dtype ?? (allInts ? 'int64' : getDefaultDtype())
    const data = new Float64Array(count)
    for (let i = 0; i < count; i++) data[i] = start + i * step
    return leaf(data, [count], d, requiresGrad)
  })
}

function tensorFactory(): PyFunction {
  return fn('tensor', (args, kwargs) => {
    const bound = bind('tensor', args, kwargs, ['data'], 1, FACTORY_KEYWORDS)
    const { data, shape, kind } = tensorData(bound.get('data')!)
    const { dtype, requiresGrad } = factoryOptions('tensor', kwargs, bound)
    const d = dtype ?? (kind === 'float32' ? getDefaultDtype() : kind)
    return leaf(Float64Array.from(data), shape, d, requiresGrad)
  })
}

/** torch.autograd.grad(outputs, inputs, grad_outputs=None, retain_graph=None, create_graph=False). */
function autogradGrad(): PyFunction {
  return fn('grad', (args, kwargs) => {
    const bound = bind(
      'grad',
      args,
      kwargs,
      [
        'outputs',
        'inputs',
        'grad_outputs',
        'retain_graph',
        'create_graph',
        'only_inputs',
        'allow_unused',
      ],
      2,
    )
    const outputs = tensorsOf(bound.get('outputs')!)
    const inputs = tensorsOf(bound.get('inputs')!)
    if (outputs.length !== 1) throw notSupported('autograd.grad of more than one output')
    const output = outputs[0]!
    const gradOutputs = bound.get('grad_outputs')
    const createGraph = boolArg('grad', 'create_graph', bound.get('create_graph'), false)
    const retain = bound.get('retain_graph')
    const options: ag.GradOptions = {
      createGraph,
      retainGraph:
        retain === undefined || retain === null
          ? createGraph
          : boolArg('grad', 'retain_graph', retain, false),
      allowUnused: boolArg('grad', 'allow_unused', bound.get('allow_unused'), false),
    }
    if (gradOutputs !== undefined && gradOutputs !== null)
      options.gradOutput = tensorsOf(gradOutputs)[0]!.t
    else options.gradOutput = implicitSeed(output)
    const grads = ag.grad(
      output.t,
      inputs.map((x) => x.t),
      options as ag.GradOptions & { allowUnused: true },
    )
    return tuple(grads.map((g, i) => (g === null ? null : wrap(g, inputs[i]!.dtype))))
  })
}

function tensorsOf(value: PyValue): NbTensor[] {
  if (value instanceof NbTensor) return [value]
  if (
    typeof value === 'object' &&
    value !== null &&
    (value.kind === 'list' || value.kind === 'tuple')
  )
    return value.items.map((item) => requireTensor(item, 'grad'))
  throw typeError(
    `'${value === null ? 'NoneType' : typeof value === 'bigint' ? 'int' : 'object'}' object is not iterable`,
  )
}

export function noGradContext(): PyValue {
  let restore: (() => void) | null = null
  return {
    kind: 'opaque',
    typeName: 'no_grad',
    repr: '<torch.autograd.grad_mode.no_grad object>',
    enter: () => {
      const previous = ag.isGradEnabled()
      setGradMode(false)
      restore = () => setGradMode(previous)
    },
    exit: () => restore?.(),
  }
}

/** The engine's grad mode is scoped to a callback; a `with` block enters and leaves it across statements. */
let gradModeOverride: boolean | null = null
export function setGradMode(enabled: boolean): void {
  gradModeOverride = enabled
}
export function gradModeFor<T>(body: () => T): T {
  return gradModeOverride === false ? ag.noGrad(body) : body()
}

function lazyModule(name: string, build: () => Record<string, PyValue>): PyModule {
  const attrs = new Map(Object.entries(build()))
  return { kind: 'module', name, attrs }
}

/**
 * torch/nn/functional.py warns on these two, which moved to torch, and then calls `input.sigmoid()`:
 * a Python number there raises an AttributeError, not the TypeError of the C functions.
 */
const DEPRECATED_FUNCTIONAL = new Set(['sigmoid', 'tanh'])

export function functionalNn(): PyModule {
  const available = names('torch.nn.functional')
  const entries: Record<string, PyValue> = {}
  for (const [name, op] of Object.entries(UNARY_OPS)) {
    if (!available.has(name)) continue
    const plain = unaryFunction(name, op)
    entries[name] = DEPRECATED_FUNCTIONAL.has(name)
      ? fn(name, (args, kwargs) => {
          warn(`nn.functional.${name} is deprecated. Use torch.${name} instead.`, 'library')
          const input = args[0]
          if (input !== undefined && !(input instanceof NbTensor))
            throw attributeError(`'${typeName(input)}' object has no attribute '${name}'`)
          return plain.call(args, kwargs)
        })
      : plain
  }
  return lazyModule('torch.nn.functional', () => entries)
}

export function torchModule(): PyModule {
  const available = names('torch')
  const entries: Record<string, PyValue> = {
    tensor: tensorFactory(),
    linspace: linspace(),
    arange: arange(),
    zeros: filled('zeros', 0),
    ones: filled('ones', 1),
    zeros_like: filledLike('zeros_like', 0),
    ones_like: filledLike('ones_like', 1),
    sum: reduction('sum'),
    mean: reduction('mean'),
    add: binaryFunction('add', '+'),
    sub: binaryFunction('sub', '-'),
    subtract: binaryFunction('subtract', '-'),
    mul: binaryFunction('mul', '*'),
    multiply: binaryFunction('multiply', '*'),
    div: binaryFunction('div', '/'),
    divide: binaryFunction('divide', '/'),
    pow: binaryFunction('pow', '**'),
    minimum: elementwise2('minimum', 'minimum'),
    maximum: elementwise2('maximum', 'maximum'),
    clamp: clampFunction('clamp'),
    clip: clampFunction('clip'),
    no_grad: fn('no_grad', (args, kwargs) => {
      bind('no_grad', args, kwargs, [], 0)
      return noGradContext()
    }),
    is_grad_enabled: fn('is_grad_enabled', () => gradModeOverride !== false && ag.isGradEnabled()),
    set_default_dtype: fn('set_default_dtype', (args, kwargs) => {
      const bound = bind('set_default_dtype', args, kwargs, ['d'], 1)
      const d = dtypeArg('set_default_dtype', bound.get('d'))
      if (d !== 'float32' && d !== 'float64')
        throw typeError('only floating-point types are supported as the default type')
      setDefaultDtype(d)
      return null
    }),
    get_default_dtype: fn('get_default_dtype', () => dtypeValue(getDefaultDtype())),
    is_tensor: fn('is_tensor', (args) => args[0] instanceof NbTensor),
  }
  for (const [alias, dtype] of Object.entries(DTYPES)) entries[alias] = dtypeValue(dtype)
  for (const [name, op] of Object.entries(UNARY_OPS))
    if (available.has(name)) entries[name] = unaryFunction(name, op)
  const nn = lazyModule('torch.nn', () => ({ functional: functionalNn() }))
  const autograd = lazyModule('torch.autograd', () => ({ grad: autogradGrad() }))
  entries.nn = nn
  entries.autograd = autograd
  entries.functional = lazyModule('torch.functional', () => ({}))
  return lazyModule('torch', () => entries)
}

/** `module.name`: what the module has, or why not. */
export function moduleAttribute(module: PyModule, name: string): PyValue {
  const value = module.attrs.get(name)
  if (value !== undefined) return value
  if (names(module.name).has(name)) throw notSupported(`'${module.name}.${name}'`)
  throw attributeError(`module '${module.name}' has no attribute '${name}'`)
}

const NON_LEAF_GRAD_WARNING =
  "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more informations. (Triggered internally at  ./build/aten/src/ATen/core/TensorBody.h:480.)"

function gradOf(x: NbTensor): PyValue {
  const t = x.t
  if (!t.isLeaf && !t.retainsGrad) warn(NON_LEAF_GRAD_WARNING)
  if (t.grad === null) return null
  roundInPlace(t.grad.data as Float64Array, x.dtype)
  markData(t.grad.data as Float64Array, x.dtype)
  return new NbTensor(t.grad, x.dtype)
}

function tolist(x: NbTensor): PyValue {
  const convertOne = (v: number): PyValue =>
    x.dtype === 'int64' ? BigInt(v) : x.dtype === 'bool' ? v !== 0 : v
  const data = values(x)
  return x.shape.length === 0 ? convertOne(data[0]!) : list(data.map(convertOne))
}

function itemOf(x: NbTensor): PyValue {
  if (x.numel !== 1)
    throw new PyError('ValueError', 'only one element tensors can be converted to Python scalars')
  const v = x.t.data[0]!
  return x.dtype === 'int64' ? BigInt(v) : x.dtype === 'bool' ? v !== 0 : v
}

/**
 * The gradient `backward()` creates for a one-element output: ones of the output's dtype (PyTorch's
 * `torch.ones_like(output)`), so the pass over a float32 graph rounds every op, the first ones too:
 * `x*a + x*b` adds its two shares at x in float32. Undefined for a larger output, whose error the
 * engine raises.
 */
function implicitSeed(output: NbTensor): ag.Tensor | undefined {
  return output.numel === 1 ? onesOfDtype(output) : undefined
}

/** `torch.ones_like(x)`, as the engine's own seed: marked with x's dtype, but outside any graph. */
export function onesOfDtype(x: NbTensor): ag.Tensor {
  const ones = ag.ones([...x.t.shape])
  markData(ones.data as Float64Array, x.dtype)
  return ones
}

function backwardMethod(x: NbTensor): PyFunction {
  return fn('backward', (args, kwargs) => {
    const bound = bind(
      'backward',
      args,
      kwargs,
      ['gradient', 'retain_graph', 'create_graph', 'inputs'],
      0,
    )
    if (bound.get('inputs') !== undefined && bound.get('inputs') !== null)
      throw notSupported('backward(inputs=…)')
    const gradient = bound.get('gradient')
    const options: ag.BackwardOptions = {}
    if (gradient !== undefined && gradient !== null) {
      if (!(gradient instanceof NbTensor))
        throw typeError(
          `'${typeof gradient === 'bigint' ? 'int' : typeof gradient === 'number' ? 'float' : 'object'}' object is not iterable`,
        )
      options.gradient = gradient.t
    } else {
      options.gradient = implicitSeed(x)
    }
    const createGraph = boolArg('backward', 'create_graph', bound.get('create_graph'), false)
    const retain = bound.get('retain_graph')
    options.createGraph = createGraph
    options.retainGraph =
      retain === undefined || retain === null
        ? createGraph
        : boolArg('backward', 'retain_graph', retain, false)
    if (createGraph)
      warn(
        'Using backward() with create_graph=True will create a reference cycle between the parameter and its gradient which can cause a memory leak. We recommend using autograd.grad when creating the graph to avoid this. If you have to use this function, make sure to reset the .grad fields of your parameters to None after use to break the cycle and avoid the leak. (Triggered internally at  ./torch/csrc/autograd/engine.cpp:1059.)',
        'library',
      )
    charge(x.numel * 4)
    ag.backward(x.t, options)
    return null
  })
}

function zeroGrad(x: NbTensor): PyFunction {
  return fn('zero_', (args, kwargs) => {
    bind('zero_', args, kwargs, [], 0)
    if (x.t.requiresGrad && x.t.isLeaf && gradModeOverride !== false)
      throw runtimeError(
        'a leaf Variable that requires grad is being used in an in-place operation.',
      )
    ;(x.t.data as Float64Array).fill(0)
    return x
  })
}

/** `x.name`: an attribute or a bound method of a tensor. */
export function tensorAttribute(x: NbTensor, name: string): PyValue {
  const t = x.t
  switch (name) {
    case 'grad':
      return gradOf(x)
    case 'requires_grad':
      return t.requiresGrad
    case 'is_leaf':
      return t.isLeaf
    case 'grad_fn':
      return t.gradFn ? { kind: 'gradfn', node: t.gradFn, name: gradFnName(t.gradFn) } : null
    case 'shape':
      return { kind: 'size', dims: [...x.shape] }
    case 'dtype':
      return dtypeValue(x.dtype)
    case 'ndim':
      return BigInt(x.shape.length)
    case 'data':
      return new NbTensor(t.detach(), x.dtype)
  }
  const method = (call: PyFunction['call']) => fn(name, call)
  const noArgs = (result: () => PyValue) =>
    method((args, kwargs) => {
      bind(name, args, kwargs, [], 0)
      return result()
    })
  switch (name) {
    case 'backward':
      return backwardMethod(x)
    case 'detach':
      return noArgs(() => new NbTensor(t.detach(), x.dtype))
    case 'numpy':
      return noArgs(() => {
        if (t.requiresGrad)
          throw runtimeError(
            "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
          )
        return { kind: 'ndarray', data: values(x), dtype: x.dtype, shape: [...x.shape] }
      })
    case 'item':
      return noArgs(() => itemOf(x))
    case 'tolist':
      return noArgs(() => tolist(x))
    case 'zero_':
      return zeroGrad(x)
    case 'requires_grad_':
      return method((args, kwargs) => {
        const bound = bind(name, args, kwargs, ['requires_grad'], 0)
        const flag = boolArg(name, 'requires_grad', bound.get('requires_grad'), true)
        if (flag && !isFloating(x.dtype))
          throw runtimeError('only Tensors of floating point dtype can require gradients')
        t.requiresGrad = flag
        return x
      })
    case 'retain_grad':
      return noArgs(() => {
        t.retainGrad()
        return null
      })
    case 'sum':
    case 'mean':
      return noArgs(() => reduce(name, x))
    case 'size':
    case 'dim':
    case 'numel':
      return noArgs(() =>
        name === 'size'
          ? { kind: 'size', dims: [...x.shape] }
          : name === 'dim'
            ? BigInt(x.shape.length)
            : BigInt(x.numel),
      )
    case 'float':
    case 'double':
      return noArgs(() => {
        const dtype: DType = name === 'float' ? 'float32' : 'float64'
        if (x.dtype === dtype) return x
        if (t.requiresGrad) throw notSupported(`.${name}() of a tensor that requires grad`)
        return convert(x, dtype)
      })
    case 'add':
    case 'sub':
    case 'mul':
    case 'div':
    case 'pow': {
      const op = ({ add: '+', sub: '-', mul: '*', div: '/', pow: '**' } as const)[name]
      return method((args, kwargs) => {
        const bound = bind(name, args, kwargs, [name === 'pow' ? 'exponent' : 'other'], 1)
        return binary(op, x, operand([...bound.values()][0]!, name, 2))
      })
    }
    case 'clamp':
      return method((args, kwargs) => clampFunction('clamp').call([x, ...args], kwargs))
  }
  const op = UNARY_OPS[name]
  if (op && TENSOR_ATTRIBUTES.has(name)) return noArgs(() => unary(op, x))
  if (TENSOR_ATTRIBUTES.has(name)) throw notSupported(`'Tensor.${name}'`)
  throw attributeError(`'Tensor' object has no attribute '${name}'`)
}

export function setTensorAttribute(x: NbTensor, name: string, value: PyValue): void {
  if (name === 'grad') {
    if (value === null) {
      x.t.grad = null
      return
    }
    if (!(value instanceof NbTensor))
      throw typeError(
        `assigned grad expected to be a Tensor or None but got grad of type ${typeof value === 'number' ? 'float' : 'object'}`,
      )
    if (value.numel !== x.numel) throw runtimeError('assigned grad has data of a different size')
    x.t.grad = value.t
    return
  }
  if (name === 'requires_grad') {
    const flag = boolArg('requires_grad', 'requires_grad', value, false)
    if (flag && !isFloating(x.dtype))
      throw runtimeError('only Tensors of floating point dtype can require gradients')
    x.t.requiresGrad = flag
    return
  }
  if (TENSOR_ATTRIBUTES.has(name)) throw notSupported(`assigning 'Tensor.${name}'`)
  throw attributeError(`'Tensor' object has no attribute '${name}'`)
}

/** `x[i]` for a vector: PyTorch's select, whose node is SelectBackward0. */
export function selectIndex(x: NbTensor, index: PyValue): NbTensor {
  if (typeof index !== 'bigint' && typeof index !== 'boolean')
    throw notSupported('indexing a tensor with anything but an int')
  if (x.shape.length === 0)
    throw new PyError(
      'IndexError',
      'invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number',
    )
  const size = x.shape[0]!
  let i = Number(index)
  if (i < -size || i >= size)
    throw new PyError('IndexError', `index ${i} is out of bounds for dimension 0 with size ${size}`)
  if (i < 0) i += size
  const value = Float64Array.of(x.t.data[i]!)
  if (!ag.isGradEnabled() || !x.t.requiresGrad) return wrap(new ag.Tensor(value, []), x.dtype)
  // One node, as PyTorch's: the graph view shows SelectBackward0 → AccumulateGrad and nothing between.
  // Its rule puts the gradient at position i (∂xᵢ/∂x = eᵢ) in tensor ops, so it can be differentiated
  // again, and reads no saved tensor: PyTorch's SelectBackward0 keeps only sizes and the index, so it
  // still runs after a backward pass freed the graph.
  const mask = new Float64Array(size)
  mask[i] = 1
  const unit = new ag.Tensor(mask, [size])
  const node = new ag.GradFn(
    'SelectBackward0',
    [x.t],
    [(grad) => ag.mul(ag.expand(grad, [size]), unit)],
    [x.t.shape],
  )
  const result = new ag.Tensor(value, [], node)
  node.bindOutput(result)
  return wrap(result, x.dtype)
}
