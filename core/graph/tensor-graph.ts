import * as ag from '../autograd'
import type { BackwardStep, GradFn, Tensor } from '../autograd'
import type {
  NodeSource,
  NotebookBackward,
  NotebookGraphNode,
  NotebookGraphResult,
} from '../protocol/notebook'
import { gradientsReached, graphSteps, withoutOuterParentheses } from './steps'

/**
 * The graph of a tensor that already exists (a notebook variable): its real grad_fn chain as the ops
 * recorded it, never re-derived from source text. Values are `.data`; gradients come from one backward
 * pass run for the view, observed by the engine's `onStep` as the explorer's graph is (steps.ts), which
 * leaves the learner's state exactly as it was: it retains the graph (nothing is freed), and every
 * `.grad` the pass would write is set aside first and put back after, so the tensors the learner's
 * `.grad` names hold are never written (the engine adds into an existing `.grad` in place).
 */
export interface TensorNaming {
  /** PyTorch's class name of a recorded op (`PowBackward0`). */
  opName(node: GradFn): string
  /** The names that hold the tensor, in the order they were bound. */
  names(tensor: Tensor): readonly string[]
  /** Where the tensor was made, with the constants folded into its op as written (`2` in `u ** 2`). */
  source(tensor: Tensor): { source: NodeSource; constants: string[] } | null
  /** The gradient backward() starts from: ones in the root's shape and dtype (float32 rounds the pass). */
  seed(root: Tensor): Tensor
}

export type TensorGraph = Omit<NotebookGraphResult, 'name' | 'dtype'>

/** Longest label drawn: a leaf without a name is labelled with the call that made it. */
const LABEL_LENGTH = 40
const clip = (text: string): string =>
  text.length <= LABEL_LENGTH ? text : `${text.slice(0, LABEL_LENGTH - 1)}…`

const receivesGrad = (tensor: Tensor): boolean =>
  (tensor.isLeaf && tensor.requiresGrad) || tensor.retainsGrad

type Pass = { steps: BackwardStep[] } | { freed: string }

/** The observed pass, or PyTorch's "second time" error when saved tensors it needs were freed. */
function observedPass(root: Tensor, order: readonly Tensor[], seed: Tensor): Pass {
  const receivers = order.filter(receivesGrad)
  const kept = receivers.map((tensor) => tensor.grad)
  for (const tensor of receivers) tensor.grad = null
  const steps: BackwardStep[] = []
  try {
    root.backward({
      gradient: seed,
      retainGraph: true,
      onStep: (step) => steps.push(step),
    })
    return { steps }
  } catch (error) {
    if (error instanceof Error && error.message === ag.MESSAGES.backwardTwice)
      return { freed: error.message }
    throw error
  } finally {
    receivers.forEach((tensor, index) => (tensor.grad = kept[index]!))
  }
}

export function tensorGraph(root: Tensor, naming: TensorNaming): TensorGraph {
  if (!root.requiresGrad) {
    const backward: NotebookBackward = {
      status: 'no-grad',
      message: ag.MESSAGES.outputWithoutGrad,
    }
    return { variables: [], nodes: [], output: null, steps: [], backward }
  }
  const order = ag.topologicalOrder(root)
  const seed = naming.seed(root)
  const pass = observedPass(root, order, seed)
  const ran = 'steps' in pass
  const engineSteps = ran ? pass.steps : []
  const gradients = gradientsReached(engineSteps)
  // A leaf asked for itself gets the seed: no step runs, as `x.backward()` only accumulates into x.
  if (ran && !gradients.has(root)) gradients.set(root, seed)

  const ids = new Map<Tensor, number>(order.map((tensor, id) => [tensor, id]))
  const variables = new Set<string>()
  const nodes: NotebookGraphNode[] = order.map((tensor, id) => {
    const names = naming.names(tensor)
    const made = naming.source(tensor)
    const gradient = gradients.get(tensor)
    const base = {
      id,
      shape: [...tensor.shape],
      value: tensor.toArray(),
      // Unavailable (a freed graph) is [], not zeros: no number is shown that PyTorch could not compute.
      gradient: !ran ? [] : gradient ? gradient.toArray() : tensor.toArray().map(() => 0),
      spans: [],
      source: made?.source ?? null,
    }
    if (tensor.gradFn === null) {
      for (const name of names) variables.add(name)
      return {
        ...base,
        kind: 'leaf',
        name: 'AccumulateGrad',
        label: clip(names.length > 0 ? names.join(', ') : (made?.source.text ?? '?')),
        constants: [],
        inputs: [],
      }
    }
    return {
      ...base,
      kind: 'op',
      name: naming.opName(tensor.gradFn),
      label: clip(made ? withoutOuterParentheses(made.source.text) : (names[0] ?? '')),
      constants: made?.constants ?? [],
      inputs: tensor.gradFn.inputs
        .filter((input) => input.requiresGrad)
        .map((input) => ids.get(input)!),
    }
  })
  const backward: NotebookBackward = ran
    ? { status: 'ran', seed: root.numel === 1 ? 'one' : 'ones' }
    : { status: 'freed', message: pass.freed }
  return {
    variables: [...variables].sort(),
    nodes,
    output: ids.get(root)!,
    steps: graphSteps(engineSteps, ids),
    backward,
  }
}
