/**
 * Calculus Lab's reverse-mode autograd: float64 tensors (scalars and vectors) with PyTorch's semantics,
 * and one table of derivative rules: one formula per op, read as tensor ops, as generated code and as
 * the derivative shown to the learner.
 */
export { Tensor, type BackwardOptions } from './tensor'
export { tensor, full, zeros, ones, linspace, type LeafOptions } from './factories'
export {
  backward,
  grad,
  topologicalOrder,
  type GradOptions,
  type BackwardObserver,
  type BackwardStep,
  type BackwardFlow,
} from './engine'
export { noGrad, enableGrad, isGradEnabled } from './grad-mode'
export { setResultHook, type ResultHook } from './apply'
export { float32Kernels, type Float32Kernel } from './kernels/float32'
export { float32BackwardKernels, type Float32BackwardKernel } from './kernels/float32-backward'
export {
  GradFn,
  setBackwardHook,
  type BackwardFn,
  type BackwardHook,
  type SavedValues,
} from './grad-fn'
export {
  type TensorLike,
  asTensor,
  apply,
  add,
  sub,
  mul,
  div,
  pow,
  powScalar,
  minimum,
  maximum,
  clamp,
  where,
  neg,
  exp,
  log,
  log2,
  log10,
  sqrt,
  reciprocal,
  abs,
  sin,
  cos,
  tan,
  asin,
  acos,
  atan,
  sinh,
  cosh,
  tanh,
  relu,
  sigmoid,
  softplus,
  sum,
  mean,
  expand,
  sumTo,
  gt,
  ge,
  lt,
  le,
  eq,
  logicalAnd,
  logicalOr,
  sign,
} from './ops'
export { RULES, ELEMENTWISE_OPS, type RuleName, type ElementwiseOpName } from './rules'
export type { Rule, ElementwiseRule, ReductionRule, ScalarTemplate } from './rule-types'
export {
  PRIMITIVES,
  type Algebra,
  type Formula,
  type Operand,
  type Primitive,
  type Saved,
  type Tangents,
  type Textbook,
} from './algebra'
export { TENSOR_ALGEBRA } from './algebra-tensor'
export { SCALAR_LIBRARY } from './kernels/scalar'
export { numberLiteral } from './number-literal'
export { MESSAGES } from './messages'
export { type Shape, numel, broadcastShapes, formatShape } from './shape'
