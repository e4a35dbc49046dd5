import type { Node } from './ast'

/** The variables an expression uses, sorted and without repeats. */
export function variablesOf(ast: Node): string[] {
  const names = new Set<string>()
  const visit = (node: Node): void => {
    switch (node.kind) {
      case 'variable':
        names.add(node.name)
        return
      case 'neg':
        visit(node.operand)
        return
      case 'binary':
        visit(node.left)
        visit(node.right)
        return
      case 'call':
        node.args.forEach(visit)
        return
      default:
        return
    }
  }
  visit(ast)
  return [...names].sort()
}
