import { GradFn } from './grad-fn'
import { isGradEnabled } from './grad-mode'
import type { ElementwiseRule, ReductionRule } from './rule-types'
import { broadcastShapes, numel, type Shape } from './shape'
import { Tensor } from './tensor'

const NO_VALUES = new Float64Array(0)

/**
 * Called with every op's freshly computed values, its inputs and its name, forward and backward, while
 * set. The notebook sets it to keep float32 tensors float32 (each result rounded, or recomputed by
 * PyTorch's float32 kernel for the op, kernels/float32.ts); unset, which it is everywhere else, the
 * engine is plain float64.
 */
export type ResultHook = (data: Float64Array, inputs: readonly Tensor[], op: string) => void
let resultHook: ResultHook | null = null
export function setResultHook(hook: ResultHook | null): void {
  resultHook = hook
}

/** PyTorch's node names: `mul` → `MulBackward0`, `sumTo` → `SumToBackward0`. */
function nodeName(op: string): string {
  return `${op.charAt(0).toUpperCase()}${op.slice(1)}Backward0`
}

/**
 * Whether an op's output joins the graph: grad mode is on and some input the op is differentiable in
 * requires grad (PyTorch's `compute_requires_grad`).
 */
function recordsGraph(
  inputs: readonly Tensor[],
  differentiable: (index: number) => boolean,
): boolean {
  if (!isGradEnabled()) return false
  return inputs.some((input, index) => input.requiresGrad && differentiable(index))
}

function attach(
  op: string,
  rule: ElementwiseRule | ReductionRule,
  inputs: readonly Tensor[],
  data: Float64Array,
  shape: Shape,
): Tensor {
  const differentiable = (index: number): boolean => (rule.backward[index] ?? null) !== null
  if (!recordsGraph(inputs, differentiable)) return new Tensor(data, shape)
  const node = new GradFn(
    nodeName(op),
    inputs,
    rule.backward,
    inputs.map((input) => input.shape),
  )
  const output = new Tensor(data, shape, node)
  node.bindOutput(output)
  return output
}

/** Runs an elementwise rule over broadcast inputs and records it in the graph when needed. */
export function applyElementwise(
  op: string,
  rule: ElementwiseRule,
  inputs: readonly Tensor[],
): Tensor {
  if (inputs.length !== rule.arity) {
    throw new Error(`${op} takes ${rule.arity} tensor(s), got ${inputs.length}`)
  }
  const shape = broadcastShapes(inputs.map((input) => input.shape))
  const data = new Float64Array(numel(shape))
  rule.forward(
    data,
    inputs[0]?.data ?? NO_VALUES,
    inputs[1]?.data ?? NO_VALUES,
    inputs[2]?.data ?? NO_VALUES,
  )
  resultHook?.(data, inputs, op)
  return attach(op, rule, inputs, data, shape)
}

/** Runs a reduction or broadcast of one input to the rule's output shape for `target`. */
export function applyReduction(
  op: string,
  rule: ReductionRule,
  input: Tensor,
  target: Shape,
): Tensor {
  const shape = rule.outputShape(input.shape, target)
  const data = new Float64Array(numel(shape))
  rule.forward(data, input.data)
  resultHook?.(data, [input], op)
  return attach(op, rule, [input], data, shape)
}
