import { MESSAGES } from './messages'
import type { Shape } from './shape'
import type { Tensor } from './tensor'

/**
 * What a backward rule may read: the op's inputs (`a`, `b`, `c`) and output (`out`), which are saved
 * tensors and so are gone once the graph is freed, and the first input's shape, which is metadata and
 * stays (PyTorch saves sizes as plain integers, so `SumBackward0` works after the graph is freed).
 */
export interface SavedValues {
  readonly a: Tensor
  readonly b: Tensor
  readonly c: Tensor
  readonly out: Tensor
  readonly aShape: Shape
}

/** The vector-Jacobian product for one input: the gradient of the op's output ↦ that input's share. */
export type BackwardFn = (grad: Tensor, saved: SavedValues) => Tensor

/**
 * While set, asked first for every node's input share: a tensor replaces the rule's, null keeps it. The
 * notebook sets it in float32 mode for the nodes PyTorch computes with one fused backward kernel
 * (tanh_backward…), whose rounding the rule's chain of tensor ops cannot reproduce; unset elsewhere.
 */
export type BackwardHook = (
  node: GradFn,
  index: number,
  grad: Tensor,
  saved: SavedValues,
) => Tensor | null
let backwardHook: BackwardHook | null = null
export function setBackwardHook(hook: BackwardHook | null): void {
  backwardHook = hook
}

/** How many nodes have been made: the next node's sequence number. */
let nodesCreated = 0

/**
 * A recorded op, PyTorch's `grad_fn` node: its input edges, its per-input backward rules and the values
 * they need. `release()` frees the saved values as PyTorch does after a backward pass without
 * `retainGraph`; a rule that reads them afterwards throws PyTorch's "backward through the graph a
 * second time" error, while rules that need nothing saved (add, sub, sum…) keep working, as in PyTorch.
 */
export class GradFn {
  /**
   * PyTorch's sequence_nr: nodes are numbered as they are created. Its engine runs, among the nodes
   * whose gradients are complete, the one created last (ReadyQueue, CompareNodeTaskTime), which is the
   * order of decreasing sequence_nr; the order fixes the order in which a shared input's gradients are
   * added, and so its last float32 bits.
   */
  readonly sequenceNr = nodesCreated++
  private savedInputs: readonly Tensor[] | null
  private savedOutput: Tensor | null = null
  private readonly savedView: SavedValues

  constructor(
    /** PyTorch's node name, e.g. `MulBackward0`. */
    readonly name: string,
    /** The op's inputs, in order: the graph's edges (kept after release, as PyTorch keeps edges). */
    readonly inputs: readonly Tensor[],
    private readonly rules: readonly (BackwardFn | null)[],
    readonly inputShapes: readonly Shape[],
  ) {
    this.savedInputs = inputs
    this.savedView = savedValuesOf(this)
  }

  /** Called once by the op that created the output this node belongs to. */
  bindOutput(output: Tensor): void {
    this.savedOutput = output
  }

  get released(): boolean {
    return this.savedInputs === null
  }

  release(): void {
    this.savedInputs = null
    this.savedOutput = null
  }

  /** Whether input `index` has a derivative at all (a `where` condition does not). */
  isDifferentiable(index: number): boolean {
    return (this.rules[index] ?? null) !== null
  }

  /** The gradient flowing to input `index`, in the output's shape (the engine reduces broadcasts). */
  backward(index: number, grad: Tensor): Tensor | null {
    const rule = this.rules[index] ?? null
    if (rule === null) return null
    return backwardHook?.(this, index, grad, this.savedView) ?? rule(grad, this.savedView)
  }

  savedInput(index: number): Tensor {
    if (this.savedInputs === null) throw new Error(MESSAGES.backwardTwice)
    const input = this.savedInputs[index]
    if (input === undefined) throw new Error(`${this.name} has no input ${index}`)
    return input
  }

  savedResult(): Tensor {
    if (this.savedOutput === null) throw new Error(MESSAGES.backwardTwice)
    return this.savedOutput
  }
}

function savedValuesOf(node: GradFn): SavedValues {
  return {
    get a() {
      return node.savedInput(0)
    },
    get b() {
      return node.savedInput(1)
    },
    get c() {
      return node.savedInput(2)
    },
    get out() {
      return node.savedResult()
    },
    get aShape() {
      const shape = node.inputShapes[0]
      if (shape === undefined) throw new Error(`${node.name} has no input`)
      return shape
    },
  }
}
