import * as ag from '../autograd'
import type { Tensor } from '../autograd'
import type { Node } from '../expr/ast'
import { interpret } from './interpret'

/** f, every partial at the point, and (when asked) every node's value, as PyTorch with requires_grad. */
export interface PointValues {
  value: number
  gradient: Record<string, number>
}

export function valuesAtPoint(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
  nodes?: Map<Node, number>,
): PointValues {
  const leaves = new Map<string, Tensor>()
  for (const name of variables) {
    leaves.set(name, ag.tensor(point[name]!, { requiresGrad: true }))
  }
  const record = nodes ? new Map<Node, Tensor>() : undefined
  const y = interpret(ast, leaves, record)
  if (y.requiresGrad) y.backward()
  const gradient: Record<string, number> = {}
  for (const [name, leaf] of leaves) gradient[name] = leaf.grad?.item() ?? 0
  if (nodes && record) for (const [node, tensor] of record) nodes.set(node, tensor.item())
  return { value: y.item(), gradient }
}
