import * as ag from '../autograd'
import type { GradFn, Tensor } from '../autograd'
import { float64BackwardKernels, float64Kernels } from '../autograd/kernels/float64'
import { LIMITS } from '../protocol/limits'
import { PyError, runtimeError, typeError } from './errors'
import { charge } from './budget'

/**
 * The notebook's tensor: the core's autograd tensor (float64 values, PyTorch's graph semantics) with a
 * PyTorch dtype. A float32 tensor keeps float32 values: every op's result is rounded with Math.fround,
 * as PyTorch computes float32 ops in float32 (its kernels round each op's result once, which fround of the
 * exact double result is for + − × ÷ and √; exp, sin, sigmoid… are recomputed by PyTorch's own float32
 * kernels, SLEEF's approximations, core/autograd/kernels/float32.ts). A float64 tensor runs the core's
 * numbers, except the ops PyTorch computes with SLEEF's double functions (exp, log, sin, tanh…:
 * core/autograd/kernels/float64.ts). Backward passes run in float64 over the rounded forward values, and
 * a float32 `.grad` is rounded when read.
 */
export type DType = 'float32' | 'float64' | 'int64' | 'bool'

export class NbTensor {
  readonly kind = 'tensor'
  constructor(
    public t: Tensor,
    public dtype: DType,
  ) {}
  get shape(): readonly number[] {
    return this.t.shape
  }
  get numel(): number {
    return this.t.numel
  }
}

/** PyTorch's own names for the graph nodes ours name differently (pow with a scalar exponent is PowBackward0). */
const nodeNames = new WeakMap<GradFn, string>()
const RENAMED: Record<string, string> = {
  PowScalarBackward0: 'PowBackward0',
  PowBackward0: 'PowBackward1',
  ClampBackward0: 'ClampBackward1',
  SumToBackward0: 'SumBackward1',
  // PyTorch's codegen capitalizes a letter after a digit
  Log1pBackward0: 'Log1PBackward0',
}
export function gradFnName(node: GradFn): string {
  return nodeNames.get(node) ?? RENAMED[node.name] ?? node.name
}
export function renameNode(node: GradFn, name: string): void {
  nodeNames.set(node, name)
}
function rename(result: Tensor, name: string): Tensor {
  if (result.gradFn) nodeNames.set(result.gradFn, name)
  return result
}

export const isFloating = (dtype: DType): boolean => dtype === 'float32' || dtype === 'float64'

/** torch.get_default_dtype(): float32 unless torch.set_default_dtype changed it. */
let defaultDtype: DType = 'float32'
export const getDefaultDtype = (): DType => defaultDtype
export function setDefaultDtype(dtype: DType): void {
  defaultDtype = dtype
}

export function roundInPlace(data: Float64Array, dtype: DType): void {
  if (dtype === 'float32') for (let i = 0; i < data.length; i++) data[i] = Math.fround(data[i]!)
  else if (dtype === 'int64') for (let i = 0; i < data.length; i++) data[i] = Math.trunc(data[i]!)
  else if (dtype === 'bool') for (let i = 0; i < data.length; i++) data[i] = data[i] !== 0 ? 1 : 0
}

export function checkSize(count: number): void {
  if (count > LIMITS.notebook.tensorElements)
    throw new PyError(
      'StepLimitError',
      `a tensor of ${count} elements is larger than this notebook's limit of ${LIMITS.notebook.tensorElements}`,
    )
}

/**
 * Which values are float32 and which float64, by their buffer (a detached tensor shares its values, and so
 * its dtype). The engine's ops see only buffers: while a cell runs, `float32Results` rounds every op whose
 * inputs include float32 values and no float64 ones, forward and backward alike (the engine's own seeds and
 * constants are neither), so a backward pass over float32 tensors rounds each op as PyTorch's does. An op
 * with a float64 input is float64, and recomputed by PyTorch's float64 kernel where it has one.
 */
const float32Data = new WeakSet<Float64Array>()
const NONE = new Float64Array(0)
const float64Data = new WeakSet<Float64Array>()

export function markData(data: Float64Array, dtype: DType): void {
  if (dtype === 'float32') float32Data.add(data)
  else if (dtype === 'float64') float64Data.add(data)
}

export const float32Results: ag.ResultHook = (data, inputs, op) => {
  let float32 = false
  for (const input of inputs) {
    const values = input.data as Float64Array
    if (float64Data.has(values)) {
      float64Data.add(data)
      // A float64 op PyTorch computes with SLEEF rather than as JavaScript's Math does
      // (core/autograd/kernels/float64.ts); the others' JavaScript results are already PyTorch's.
      const kernel = float64Kernels[op]
      if (kernel && inputs.length === 1) kernel(data, values)
      return
    }
    if (float32Data.has(values)) float32 = true
  }
  if (!float32) return
  const kernel = ag.float32Kernels[op]
  if (kernel)
    kernel(data, inputs[0]!.data as Float64Array, (inputs[1]?.data ?? NONE) as Float64Array)
  else for (let i = 0; i < data.length; i++) data[i] = Math.fround(data[i]!)
  float32Data.add(data)
}

/**
 * A node's input share from one fused backward kernel of `table` (PyTorch's node name → kernel), when its
 * saved value carries `own`'s dtype, its incoming gradient not `foreign`'s, and the backward pass is not
 * itself recorded (create_graph keeps the rule's ops, which can be differentiated again). Null keeps the
 * rule's share.
 */
function fusedShare(
  table: Readonly<Record<string, ag.Float32BackwardKernel>>,
  own: WeakSet<Float64Array>,
  foreign: WeakSet<Float64Array> | null,
  ...[node, index, grad, saved]: Parameters<ag.BackwardHook>
): ag.Tensor | null {
  const fused = table[gradFnName(node)]
  if (!fused || index !== fused.input || ag.isGradEnabled()) return null
  const values = (fused.saved === 'out' ? saved.out : saved.a).data as Float64Array
  const incoming = grad.data as Float64Array
  if (!own.has(values) || foreign?.has(incoming) || incoming.length !== values.length) return null
  const data = new Float64Array(incoming.length)
  fused.kernel(data, incoming, values)
  own.add(data)
  return new ag.Tensor(data, grad.shape)
}

/**
 * The fused backward kernels PyTorch computes a node's share with: float64 ones (kernels/float64.ts) for
 * nodes whose saved value is float64, float32 ones (kernels/float32-backward.ts) for float32 nodes whose
 * incoming gradient is not float64.
 */
export const fusedBackward: ag.BackwardHook = (...step) =>
  fusedShare(float64BackwardKernels, float64Data, null, ...step) ??
  fusedShare(ag.float32BackwardKernels, float32Data, float64Data, ...step)

export function wrap(t: Tensor, dtype: DType): NbTensor {
  charge(t.numel)
  roundInPlace(t.data as Float64Array, dtype)
  markData(t.data as Float64Array, dtype)
  return new NbTensor(t, dtype)
}

/** A Python number or a tensor, as an op's operand. */
export type Operand = NbTensor | number | bigint | boolean

const RANK: Record<DType, number> = { bool: 0, int64: 1, float32: 2, float64: 3 }
const promote = (a: DType, b: DType): DType => (RANK[a] >= RANK[b] ? a : b)
const kind = (d: DType): number => (isFloating(d) ? 2 : d === 'int64' ? 1 : 0)

/** PyTorch's result_type: dimensioned tensors, then 0-dim tensors, then Python numbers, by category. */
export function resultType(operands: readonly Operand[]): DType {
  let dim: DType | null = null
  let zero: DType | null = null
  let wrapped: DType | null = null
  for (const operand of operands) {
    if (operand instanceof NbTensor) {
      if (operand.shape.length > 0) dim = dim ? promote(dim, operand.dtype) : operand.dtype
      else zero = zero ? promote(zero, operand.dtype) : operand.dtype
    } else {
      const d: DType =
        typeof operand === 'number' ? defaultDtype : typeof operand === 'bigint' ? 'int64' : 'bool'
      wrapped = wrapped ? promote(wrapped, d) : d
    }
  }
  const combine = (higher: DType | null, lower: DType | null): DType | null => {
    if (higher === null) return lower
    if (lower === null) return higher
    if (isFloating(higher)) return higher
    if (higher === 'bool' || kind(lower) > kind(higher)) return promote(higher, lower)
    return higher
  }
  return combine(dim, combine(zero, wrapped)) ?? defaultDtype
}

function operandValue(operand: Operand, dtype: DType): Tensor | number {
  if (operand instanceof NbTensor) return operand.t
  const value = typeof operand === 'boolean' ? (operand ? 1 : 0) : Number(operand)
  return dtype === 'float32' ? Math.fround(value) : value
}

export function broadcastCheck(a: Operand, b: Operand): void {
  if (!(a instanceof NbTensor) || !(b instanceof NbTensor)) return
  const [x, y] = [a.shape, b.shape]
  if (x.length === 1 && y.length === 1 && x[0] !== y[0] && x[0] !== 1 && y[0] !== 1)
    throw runtimeError(
      `The size of tensor a (${x[0]}) must match the size of tensor b (${y[0]}) at non-singleton dimension 0`,
    )
}

/** `a op b` for tensors and numbers, with PyTorch's dtype and grad_fn name. */
export function binary(op: '+' | '-' | '*' | '/' | '**', a: Operand, b: Operand): NbTensor {
  broadcastCheck(a, b)
  let dtype = resultType([a, b])
  if (op === '/' && !isFloating(dtype)) dtype = defaultDtype
  if (
    op === '**' &&
    !isFloating(dtype) &&
    typeof b !== 'boolean' &&
    !(b instanceof NbTensor) &&
    typeof b === 'bigint' &&
    b < 0n
  )
    throw runtimeError('Integers to negative integer powers are not allowed.')
  const left = operandValue(a, dtype)
  const right = operandValue(b, dtype)
  const leftIsNumber = !(a instanceof NbTensor)
  let result: Tensor
  switch (op) {
    case '+':
      result = ag.add(left, right)
      break
    case '-':
      result = leftIsNumber ? rename(ag.sub(left, right), 'RsubBackward1') : ag.sub(left, right)
      break
    case '*':
      result = ag.mul(left, right)
      break
    case '/':
      // 2 / x is Tensor.__rtruediv__, which PyTorch runs as x.reciprocal() * 2: two nodes
      // (MulBackward0 over ReciprocalBackward0), and in float32 two roundings.
      result = leftIsNumber ? ag.mul(ag.reciprocal(right), left) : ag.div(left, right)
      break
    case '**':
      result = power(left, right, b)
      break
  }
  return wrap(result, dtype)
}

/**
 * `x ** 2` is pow(Tensor, Scalar), with its own kernel (and its float32 special cases, see
 * core/autograd/kernels/float32.ts); a tensor exponent is pow(Tensor, Tensor).
 */
function power(left: Tensor | number, right: Tensor | number, b: Operand): Tensor {
  // A Python exponent stays a double (pow(Tensor, Scalar) reads it as one on cpu_kernel_vec's scalar
  // tail, and its backward computes exponent − 1 in double): not the float operandValue rounds it to.
  if (typeof right === 'number' && !(b instanceof NbTensor)) return ag.powScalar(left, Number(b))
  return ag.pow(left, right)
}

/** Unary ops of the rule table: `torch.sin(x)`, `x.sin()`, `F.relu(x)`. */
export function unary(op: ag.ElementwiseOpName, x: NbTensor): NbTensor {
  if (!isFloating(x.dtype) && op !== 'abs' && op !== 'neg' && op !== 'relu') {
    // Integer inputs of float functions give the default float dtype (torch.sin(torch.tensor(1)) is float32).
    const converted = convert(x, defaultDtype)
    return wrap(ag.apply(op, converted.t), defaultDtype)
  }
  return wrap(ag.apply(op, x.t), x.dtype)
}

export function convert(x: NbTensor, dtype: DType): NbTensor {
  if (x.dtype === dtype) return x
  const data = Float64Array.from(x.t.data)
  roundInPlace(data, dtype)
  markData(data, dtype)
  return new NbTensor(new ag.Tensor(data, x.t.shape), dtype)
}

export function reduce(op: 'sum' | 'mean', x: NbTensor): NbTensor {
  if (op === 'mean' && !isFloating(x.dtype))
    throw runtimeError(
      `mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: ${x.dtype === 'int64' ? 'Long' : 'Bool'}`,
    )
  const dtype = op === 'sum' && x.dtype === 'bool' ? 'int64' : x.dtype
  const result = op === 'sum' ? ag.sum(x.t) : ag.mean(x.t)
  return wrap(result, dtype)
}

export function requireTensor(value: unknown, fn: string, position = 1, name = 'input'): NbTensor {
  if (value instanceof NbTensor) return value
  throw typeError(
    `${fn}(): argument '${name}' (position ${position}) must be Tensor, not ${pyTypeName(value)}`,
  )
}

function pyTypeName(value: unknown): string {
  if (value === null) return 'NoneType'
  if (typeof value === 'number') return 'float'
  if (typeof value === 'bigint') return 'int'
  if (typeof value === 'boolean') return 'bool'
  if (typeof value === 'string') return 'str'
  const kind = (value as { kind?: string }).kind
  return kind === 'ndarray' ? 'numpy.ndarray' : (kind ?? 'object')
}
