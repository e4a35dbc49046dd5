/**
 * The backward pass (micrograd's `backward()` over tensors): order the graph topologically, then walk it
 * from the output back, asking each node's rules for its inputs' shares of the gradient and summing the
 * shares that meet at a tensor. `backward()` accumulates into `.grad` of leaves; `grad()` returns.
 */
import type { GradFn } from './grad-fn'
import { noGrad, withGradMode } from './grad-mode'
import { MESSAGES, gradientShapeMessage } from './messages'
import { add, expand, sumTo } from './ops'
import { formatShape, isExpandableTo, sameShape, type Shape } from './shape'
import { Tensor, type BackwardOptions } from './tensor'

export interface GradOptions {
  /** ∂L/∂output, as `grad_outputs`: required unless the output has exactly one element. */
  gradOutput?: Tensor
  /** Keep the graph's saved values for another pass. Default: `createGraph`. */
  retainGraph?: boolean
  /** Record the backward pass, so the returned gradients can be differentiated again. */
  createGraph?: boolean
  /** Return `null` for an input the output does not depend on, instead of throwing. */
  allowUnused?: boolean
}

/** What reached one input at one step of the backward pass. */
export interface BackwardFlow {
  /** The input's position among the node's inputs. */
  readonly index: number
  readonly input: Tensor
  /** The node's vector-Jacobian product for this input, brought to the input's shape. */
  readonly share: Tensor
  /** What the input had received from the steps before, if anything: the share is added to it. */
  readonly before: Tensor | null
  /** What the input holds after this step. */
  readonly total: Tensor
}

/** One node run by the backward pass, as the engine runs it (reverse topological order). */
export interface BackwardStep {
  /** The tensor whose `gradFn` ran. */
  readonly output: Tensor
  readonly node: GradFn
  /** ∂L/∂output, the gradient the node received. */
  readonly upstream: Tensor
  readonly flows: readonly BackwardFlow[]
}

/** Called once per node the pass runs, right after it ran: for showing the pass, never for changing it. */
export type BackwardObserver = (step: BackwardStep) => void

interface PassOptions {
  retainGraph: boolean
  createGraph: boolean
  onStep?: BackwardObserver | undefined
}

/** Every tensor the output depends on through tensors that require grad; inputs before their users. */
export function topologicalOrder(root: Tensor): Tensor[] {
  const order: Tensor[] = []
  const visited = new Set<Tensor>([root])
  // An explicit stack of (tensor, next input to visit): deep graphs must not overflow the call stack.
  const stack: { tensor: Tensor; next: number }[] = [{ tensor: root, next: 0 }]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    const inputs = frame.tensor.gradFn?.inputs ?? []
    const input = inputs[frame.next]
    if (input === undefined) {
      stack.pop()
      order.push(frame.tensor)
      continue
    }
    frame.next++
    if (input.requiresGrad && !visited.has(input)) {
      visited.add(input)
      stack.push({ tensor: input, next: 0 })
    }
  }
  return order
}

/** Brings a rule's gradient (in the op output's shape) to its input's shape, as PyTorch's sum_to. */
function toShape(gradient: Tensor, shape: Shape): Tensor {
  if (sameShape(gradient.shape, shape)) return gradient
  if (isExpandableTo(gradient.shape, shape)) return expand(gradient, shape)
  return sumTo(gradient, shape)
}

/**
 * One backward pass from `root`, seeded with `seed`, computing the gradient of every tensor for which
 * `isTarget` holds (and of the tensors between them and the root). Nodes that lead to no target are not
 * run, so a leaf the output does not depend on never receives a gradient.
 */
function run(
  root: Tensor,
  seed: Tensor,
  isTarget: (tensor: Tensor) => boolean,
  { retainGraph, createGraph, onStep }: PassOptions,
): Map<Tensor, Tensor> {
  const order = topologicalOrder(root)
  const leadsToTarget = new Set<Tensor>()
  for (const tensor of order) {
    const inputs = tensor.gradFn?.inputs ?? []
    if (isTarget(tensor) || inputs.some((input) => leadsToTarget.has(input))) {
      leadsToTarget.add(tensor)
    }
  }
  const gradients = new Map<Tensor, Tensor>([[root, seed]])
  const executed: GradFn[] = []
  // Every consumer of a node was created after it, so decreasing creation order is a reverse topological
  // order, and the one PyTorch's engine runs (see GradFn.sequenceNr).
  const interior = order.filter((tensor) => tensor.gradFn !== null)
  interior.sort((p, q) => q.gradFn!.sequenceNr - p.gradFn!.sequenceNr)
  withGradMode(createGraph, () => {
    for (const tensor of interior) {
      const node = tensor.gradFn!
      const gradient = gradients.get(tensor)
      if (gradient === undefined) continue
      if (!node.inputs.some((input) => leadsToTarget.has(input))) continue
      const flows: BackwardFlow[] = []
      node.inputs.forEach((input, index) => {
        if (!leadsToTarget.has(input) || !node.isDifferentiable(index)) return
        const share = node.backward(index, gradient)
        if (share === null) return
        const shaped = toShape(share, input.shape)
        const sofar = gradients.get(input)
        const total = sofar === undefined ? shaped : add(sofar, shaped)
        gradients.set(input, total)
        if (onStep) flows.push({ index, input, share: shaped, before: sofar ?? null, total })
      })
      executed.push(node)
      onStep?.({ output: tensor, node, upstream: gradient, flows })
    }
  })
  if (!retainGraph) for (const node of executed) node.release()
  return gradients
}

/** The seed gradient: the given one if its shape fits, else 1 for a one-element output. */
function seedFor(output: Tensor, gradient: Tensor | undefined): Tensor {
  if (gradient === undefined) {
    if (output.numel !== 1) throw new Error(MESSAGES.implicitGradNonScalar)
    return new Tensor(Float64Array.of(1), output.shape)
  }
  if (!sameShape(gradient.shape, output.shape)) {
    throw new Error(gradientShapeMessage(formatShape(gradient.shape), formatShape(output.shape)))
  }
  return gradient
}

/**
 * Adds a gradient into `.grad` as PyTorch's AccumulateGrad: the first one is stored (a private copy,
 * or the tensor itself with its graph under `createGraph`); later ones are added in place, or out of
 * place while recording a graph so the sum stays differentiable.
 */
function accumulate(tensor: Tensor, gradient: Tensor, createGraph: boolean): void {
  const current = tensor.grad
  if (current === null) {
    tensor.grad = createGraph ? gradient : new Tensor(gradient.data.slice(), gradient.shape)
  } else if (createGraph) {
    tensor.grad = withGradMode(true, () => add(current, gradient))
  } else if (current.gradFn === null && sameShape(current.shape, gradient.shape)) {
    // In place (`.grad` stays the same tensor), but summed by the add op, so that a result hook rounds
    // it as every other sum: a float32 .grad accumulates in float32, one rounding per backward call.
    current.data.set(noGrad(() => add(current, gradient)).data)
  } else {
    tensor.grad = noGrad(() => add(current, gradient))
  }
}

function receivesGrad(tensor: Tensor): boolean {
  return (tensor.isLeaf && tensor.requiresGrad) || tensor.retainsGrad
}

/** `Tensor.backward()`: accumulates ∂output/∂t into `t.grad` for every leaf `t` that requires grad. */
export function backward(output: Tensor, options: BackwardOptions = {}): void {
  const seed = seedFor(output, options.gradient)
  if (!output.requiresGrad) throw new Error(MESSAGES.outputWithoutGrad)
  const createGraph = options.createGraph ?? false
  const retainGraph = options.retainGraph ?? createGraph
  const gradients = run(output, seed, receivesGrad, {
    retainGraph,
    createGraph,
    onStep: options.onStep,
  })
  for (const [tensor, gradient] of gradients) {
    if (receivesGrad(tensor)) accumulate(tensor, gradient, createGraph)
  }
}

/**
 * `torch.autograd.grad`: the gradients of `output` with respect to `inputs` (leaves or not), returned
 * in order without touching any `.grad`.
 */
export function grad(
  output: Tensor,
  inputs: readonly Tensor[],
  options?: GradOptions & { allowUnused?: false },
): Tensor[]
export function grad(
  output: Tensor,
  inputs: readonly Tensor[],
  options: GradOptions & { allowUnused: true },
): (Tensor | null)[]
export function grad(
  output: Tensor,
  inputs: readonly Tensor[],
  options: GradOptions = {},
): (Tensor | null)[] {
  const seed = seedFor(output, options.gradOutput)
  if (!output.requiresGrad) throw new Error(MESSAGES.outputWithoutGrad)
  if (inputs.some((input) => !input.requiresGrad)) throw new Error(MESSAGES.inputWithoutGrad)
  const createGraph = options.createGraph ?? false
  const retainGraph = options.retainGraph ?? createGraph
  const targets = new Set(inputs)
  const gradients = run(output, seed, (tensor) => targets.has(tensor), { retainGraph, createGraph })
  return inputs.map((input) => {
    const gradient = gradients.get(input)
    if (gradient !== undefined) return gradient
    if (options.allowUnused === true) return null
    throw new Error(MESSAGES.unusedInput)
  })
}
