import { applyElementwise, applyReduction } from './apply'
import { binaryKernels, type BinaryKernel } from './kernels/binary'
import { unaryKernels } from './kernels/unary'
import { RULES, type ElementwiseOpName } from './rules'
import { broadcastShapes, formatShape, isExpandableTo, numel, sameShape, type Shape } from './shape'
import { Tensor } from './tensor'

/** An op's operand: a tensor, or a plain number standing for a constant scalar (as Python numbers in PyTorch). */
export type TensorLike = Tensor | number

export function asTensor(value: TensorLike): Tensor {
  return typeof value === 'number' ? new Tensor(Float64Array.of(value), []) : value
}

/** Applies the elementwise op `op` from the rule table to its operands. */
export function apply(op: ElementwiseOpName, ...operands: TensorLike[]): Tensor {
  return applyElementwise(op, RULES[op], operands.map(asTensor))
}

export const add = (a: TensorLike, b: TensorLike): Tensor => apply('add', a, b)
export const sub = (a: TensorLike, b: TensorLike): Tensor => apply('sub', a, b)
export const mul = (a: TensorLike, b: TensorLike): Tensor => apply('mul', a, b)
export const div = (a: TensorLike, b: TensorLike): Tensor => apply('div', a, b)
/**
 * `base ** exponent`. As in PyTorch, a plain-number exponent makes pow(Tensor, Scalar) — `x ** 2` is
 * exactly x·x — and a tensor exponent pow(Tensor, Tensor).
 */
export const pow = (base: TensorLike, exponent: TensorLike): Tensor =>
  typeof exponent === 'number' && typeof base !== 'number'
    ? powScalar(base, exponent)
    : apply('pow', base, exponent)

/**
 * pow(Tensor, Scalar): the exponent is one value and gets no gradient (in PyTorch it is a Python number,
 * outside the graph).
 */
export function powScalar(base: TensorLike, exponent: TensorLike): Tensor {
  const e = asTensor(exponent)
  if (e.numel !== 1) {
    throw new Error('powScalar takes a single exponent value; use pow for a tensor of exponents')
  }
  return apply('powScalar', base, e)
}
export const minimum = (a: TensorLike, b: TensorLike): Tensor => apply('minimum', a, b)
export const maximum = (a: TensorLike, b: TensorLike): Tensor => apply('maximum', a, b)
export const clamp = (x: TensorLike, lo: TensorLike, hi: TensorLike): Tensor =>
  apply('clamp', x, lo, hi)
/** `torch.where(cond, a, b)`: a where the mask `cond` is non-zero, else b. */
export const where = (cond: TensorLike, a: TensorLike, b: TensorLike): Tensor =>
  apply('where', cond, a, b)

export const neg = (x: TensorLike): Tensor => apply('neg', x)
export const exp = (x: TensorLike): Tensor => apply('exp', x)
export const log = (x: TensorLike): Tensor => apply('log', x)
export const log2 = (x: TensorLike): Tensor => apply('log2', x)
export const log10 = (x: TensorLike): Tensor => apply('log10', x)
export const sqrt = (x: TensorLike): Tensor => apply('sqrt', x)
export const reciprocal = (x: TensorLike): Tensor => apply('reciprocal', x)
export const abs = (x: TensorLike): Tensor => apply('abs', x)
export const sin = (x: TensorLike): Tensor => apply('sin', x)
export const cos = (x: TensorLike): Tensor => apply('cos', x)
export const tan = (x: TensorLike): Tensor => apply('tan', x)
export const asin = (x: TensorLike): Tensor => apply('asin', x)
export const acos = (x: TensorLike): Tensor => apply('acos', x)
export const atan = (x: TensorLike): Tensor => apply('atan', x)
export const sinh = (x: TensorLike): Tensor => apply('sinh', x)
export const cosh = (x: TensorLike): Tensor => apply('cosh', x)
export const tanh = (x: TensorLike): Tensor => apply('tanh', x)
export const relu = (x: TensorLike): Tensor => apply('relu', x)
export const sigmoid = (x: TensorLike): Tensor => apply('sigmoid', x)
export const softplus = (x: TensorLike): Tensor => apply('softplus', x)

/** Σ of all elements, a scalar. */
export const sum = (x: TensorLike): Tensor => applyReduction('sum', RULES.sum, asTensor(x), [])
/** Mean of all elements, a scalar (NaN for an empty tensor, as PyTorch). */
export const mean = (x: TensorLike): Tensor => applyReduction('mean', RULES.mean, asTensor(x), [])

/** Broadcasts a scalar or one-element tensor to `shape` (`Tensor.expand`). */
export function expand(x: TensorLike, shape: Shape): Tensor {
  const input = asTensor(x)
  if (!isExpandableTo(input.shape, shape)) {
    throw new Error(
      `The expanded size of the tensor (${numel(shape)}) must match the existing size (${input.numel}) at non-singleton dimension 0`,
    )
  }
  return applyReduction('expand', RULES.expand, input, shape)
}

/** Sums a tensor down to `shape`, undoing a broadcast (`at::sum_to`); identity when shapes agree. */
export function sumTo(x: TensorLike, shape: Shape): Tensor {
  const input = asTensor(x)
  if (sameShape(input.shape, shape)) return input
  if (numel(shape) !== 1 || !isExpandableTo(shape, input.shape)) {
    throw new Error(
      `cannot sum a tensor of shape ${formatShape(input.shape)} to ${formatShape(shape)}`,
    )
  }
  return applyReduction('sumTo', RULES.sumTo, input, shape)
}

/*
 * Comparisons, logic and sign give 0/1 (or −1/0/1) masks. They have no derivative (PyTorch marks them
 * non-differentiable), so their results never require grad and record nothing.
 */
function mask(kernel: BinaryKernel, a: TensorLike, b: TensorLike): Tensor {
  const left = asTensor(a)
  const right = asTensor(b)
  const shape = broadcastShapes([left.shape, right.shape])
  const data = new Float64Array(numel(shape))
  kernel(data, left.data, right.data)
  return new Tensor(data, shape)
}

export const gt = (a: TensorLike, b: TensorLike): Tensor => mask(binaryKernels.gt, a, b)
export const ge = (a: TensorLike, b: TensorLike): Tensor => mask(binaryKernels.ge, a, b)
export const lt = (a: TensorLike, b: TensorLike): Tensor => mask(binaryKernels.lt, a, b)
export const le = (a: TensorLike, b: TensorLike): Tensor => mask(binaryKernels.le, a, b)
export const eq = (a: TensorLike, b: TensorLike): Tensor => mask(binaryKernels.eq, a, b)
export const logicalAnd = (a: TensorLike, b: TensorLike): Tensor =>
  mask(binaryKernels.logicalAnd, a, b)
export const logicalOr = (a: TensorLike, b: TensorLike): Tensor =>
  mask(binaryKernels.logicalOr, a, b)

/** `torch.sign`: −1, 0 or 1, with sign(0) = sign(NaN) = 0. */
export function sign(x: TensorLike): Tensor {
  const input = asTensor(x)
  const data = new Float64Array(input.numel)
  unaryKernels.sign(data, input.data)
  return new Tensor(data, input.shape)
}
