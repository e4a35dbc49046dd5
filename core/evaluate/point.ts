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

export interface SlopesAlong {
  f: Float64Array
  df: Float64Array
  /** NaN everywhere unless asked for. */
  d2f: Float64Array
}

/** A tensor's values at n positions: a scalar result (it does not depend on wrt) is broadcast. */
function spread(values: Tensor | null | undefined, n: number): Float64Array {
  if (!values) return new Float64Array(n)
  if (values.numel === n) return Float64Array.from(values.data)
  return new Float64Array(n).fill(values.data[0]!)
}

/**
 * f, f′ and (with `second`) f″ along `wrt` at several positions in one vectorized pass, the others held
 * at `point`: f is elementwise in wrt, so the gradient of the sum holds every f′ (the lab's sum trick),
 * and that gradient recorded and differentiated again holds every f″.
 */
export function slopesAlong(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
  wrt: string,
  positions: Float64Array,
  second = false,
): SlopesAlong {
  const n = positions.length
  const x = ag.tensor(positions, { requiresGrad: true })
  const inputs = new Map<string, Tensor>()
  for (const name of variables) inputs.set(name, name === wrt ? x : ag.tensor(point[name]!))
  const y = interpret(ast, inputs)
  const f = spread(y, n)
  const none = new Float64Array(n).fill(NaN)
  if (!y.requiresGrad)
    return { f, df: new Float64Array(n), d2f: second ? new Float64Array(n) : none }
  const [dy] = ag.grad(ag.sum(y), [x], { createGraph: second, allowUnused: true })
  const df = spread(dy, n)
  if (!second) return { f, df, d2f: none }
  if (!dy || !dy.requiresGrad) return { f, df, d2f: new Float64Array(n) }
  const [d2y] = ag.grad(ag.sum(dy), [x], { allowUnused: true })
  return { f, df, d2f: spread(d2y, n) }
}

/** Every node's values at several positions of wrt, the others held (what switches, and where). */
export function nodesAlong(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
  wrt: string,
  positions: Float64Array,
): (node: Node, i: number) => number {
  const tensors = new Map<Node, Tensor>()
  const inputs = new Map<string, Tensor>()
  for (const name of variables) inputs.set(name, ag.tensor(name === wrt ? positions : point[name]!))
  interpret(ast, inputs, tensors)
  return (node, i) => {
    const data = tensors.get(node)!.data
    return (data.length === 1 ? data[0] : data[i]) as number
  }
}
