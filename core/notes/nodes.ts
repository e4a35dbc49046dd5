import { childrenOf, type Node } from '../expr/ast'
import { FUNCTIONS, type FunctionName } from '../ops/catalog'
import { SWITCHES, type SwitchEntry } from '../ops/switching'

/** Every node of the expression, children before parents (iterative: a power tower is deep). */
export function postOrder(ast: Node): Node[] {
  const order: Node[] = []
  const stack: { node: Node; expanded: boolean }[] = [{ node: ast, expanded: false }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const children = childrenOf(frame.node)
    if (frame.expanded || children.length === 0) order.push(frame.node)
    else {
      stack.push({ node: frame.node, expanded: true })
      for (let k = children.length - 1; k >= 0; k--)
        stack.push({ node: children[k]!, expanded: false })
    }
  }
  return order
}

/** The variables each node depends on. */
export function dependencies(order: readonly Node[]): Map<Node, ReadonlySet<string>> {
  const uses = new Map<Node, ReadonlySet<string>>()
  for (const node of order) {
    if (node.kind === 'variable') uses.set(node, new Set([node.name]))
    else {
      const names = new Set<string>()
      for (const child of childrenOf(node)) for (const name of uses.get(child)!) names.add(name)
      uses.set(node, names)
    }
  }
  return uses
}

/** A call of a function with a switch in the table, with its entry. */
export function switchOf(node: Node): { fn: FunctionName; entry: SwitchEntry } | null {
  if (node.kind !== 'call' || !(node.fn in FUNCTIONS)) return null
  const fn = node.fn as FunctionName
  const entry = SWITCHES[fn]
  return entry ? { fn, entry } : null
}
