import * as ag from '../autograd'
import type { BackwardStep, Tensor } from '../autograd'
import type { GraphStep } from '../protocol/api'

/**
 * What the explorer's graph and the notebook's graph both read from one observed backward pass: the
 * gradient that reached every tensor, and the engine's steps in the contract's form. Nothing here runs a
 * pass or computes a derivative of its own: the numbers are the engine's, and a local derivative is the
 * node's own rule applied to a gradient of ones.
 */

/** ∂out/∂input elementwise: the node's vector-Jacobian product with a gradient of ones. */
export function localDerivative(step: BackwardStep, index: number): number[] {
  const ones = ag.ones(step.output.shape)
  const local = ag.noGrad(() => step.node.backward(index, ones))
  return local === null ? [] : local.toArray()
}

/** Per tensor, the gradient it held when the pass ended: what its users' steps added up to. */
export function gradientsReached(steps: readonly BackwardStep[]): Map<Tensor, Tensor> {
  const gradients = new Map<Tensor, Tensor>()
  for (const step of steps) {
    gradients.set(step.output, step.upstream)
    for (const flow of step.flows) gradients.set(flow.input, flow.total)
  }
  return gradients
}

/** The engine's steps by node id (`ids` numbers every tensor the pass touched). */
export function graphSteps(
  steps: readonly BackwardStep[],
  ids: ReadonlyMap<Tensor, number>,
): GraphStep[] {
  return steps.map((step) => ({
    node: ids.get(step.output)!,
    upstream: step.upstream.toArray(),
    flows: step.flows.map((flow) => ({
      input: ids.get(flow.input)!,
      local: localDerivative(step, flow.index),
      share: flow.share.toArray(),
      before: flow.before ? flow.before.toArray() : null,
      total: flow.total.toArray(),
    })),
  }))
}

/** `(u*v)` → `u*v`: the span of a parenthesized operand includes its parentheses. */
export function withoutOuterParentheses(text: string): string {
  let inner = text.trim()
  while (inner.startsWith('(') && inner.endsWith(')') && closes(inner))
    inner = inner.slice(1, -1).trim()
  return inner
}

/** Whether the first `(` is closed by the last character (not `(a)*(b)`). */
function closes(text: string): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') depth++
    else if (text[i] === ')') depth--
    if (depth === 0) return i === text.length - 1
  }
  return false
}
