import { backward, type BackwardObserver } from './engine'
import type { GradFn } from './grad-fn'
import { MESSAGES, itemOfManyMessage } from './messages'
import { formatShape, numel, type Shape } from './shape'

export interface BackwardOptions {
  /** ∂L/∂(this tensor): required unless the tensor has exactly one element (then it is 1). */
  gradient?: Tensor
  /** Keep the graph's saved values so it can be backpropagated again. Default: `createGraph`. */
  retainGraph?: boolean
  /** Record the backward pass itself, so the gradients it produces can be differentiated again. */
  createGraph?: boolean
  /** Told of every node the pass runs, in the engine's order (the graph panel's backward stepper). */
  onStep?: BackwardObserver
}

/**
 * A scalar (`[]`) or vector (`[n]`) of float64 with PyTorch's autograd state. Leaves are made by the
 * factories (`tensor`, `linspace`…); every op returns a non-leaf whose `gradFn` records how it was made.
 * Values are never mutated by ops; only a leaf's `.grad` is accumulated in place.
 */
export class Tensor {
  /** ∂L/∂(this tensor) after `backward()`: set on leaves that require grad (and on `retainGrad()` tensors). */
  grad: Tensor | null = null
  private requiresGradFlag: boolean
  private retainsGradFlag = false

  constructor(
    readonly data: Float64Array,
    readonly shape: Shape,
    /** How this tensor was computed; `null` for leaves. */
    readonly gradFn: GradFn | null = null,
    requiresGrad = gradFn !== null,
  ) {
    if (data.length !== numel(shape)) {
      throw new Error(`shape ${formatShape(shape)} is invalid for input of size ${data.length}`)
    }
    this.requiresGradFlag = requiresGrad || gradFn !== null
  }

  get requiresGrad(): boolean {
    return this.requiresGradFlag
  }

  set requiresGrad(value: boolean) {
    if (this.gradFn !== null) {
      if (!value) throw new Error(MESSAGES.requiresGradOnNonLeaf)
      return
    }
    this.requiresGradFlag = value
  }

  /** True for tensors the user made (no `gradFn`), whether or not they require grad — as PyTorch. */
  get isLeaf(): boolean {
    return this.gradFn === null
  }

  get numel(): number {
    return this.data.length
  }

  get retainsGrad(): boolean {
    return this.retainsGradFlag
  }

  /** Also keep `.grad` on this non-leaf after backward (`Tensor.retain_grad()`); a no-op on leaves. */
  retainGrad(): void {
    if (!this.requiresGradFlag) throw new Error(MESSAGES.retainGradWithoutGrad)
    if (this.gradFn !== null) this.retainsGradFlag = true
  }

  /** The single value of a one-element tensor. */
  item(): number {
    if (this.data.length !== 1) throw new Error(itemOfManyMessage(this.data.length))
    return this.data[0] as number
  }

  /** A leaf sharing this tensor's values, cut from the graph. */
  detach(): Tensor {
    return new Tensor(this.data, this.shape)
  }

  toArray(): number[] {
    return Array.from(this.data)
  }

  /** Accumulates ∂this/∂leaf into `.grad` of every leaf that requires grad (`Tensor.backward()`). */
  backward(options: BackwardOptions = {}): void {
    backward(this, options)
  }

  toString(): string {
    const values = this.shape.length === 0 ? String(this.data[0]) : `[${this.toArray().join(', ')}]`
    const suffix = this.gradFn
      ? `, grad_fn=<${this.gradFn.name}>`
      : this.requiresGrad
        ? ', requires_grad=True'
        : ''
    return `tensor(${values}${suffix})`
  }
}
