import * as ag from '../autograd'
import type { Tensor } from '../autograd'
import type { Node } from '../expr/ast'
import { CONSTANTS, recordedOpOf } from '../ops/node-op'

/**
 * The interpreted path: an AST run as autograd tensor ops (define-by-run, as PyTorch executes the
 * lab's cells). It is the reference the generated loop is tested against, the path for f″ (which needs
 * a differentiable backward), and the fallback where generating code is not allowed.
 */

/**
 * Builds f from `inputs` (one tensor per variable the expression uses). Iterative post-order, so a
 * deeply nested expression cannot overflow the stack. `values` receives the tensor of every AST node
 * (the graph panel reads which source text each recorded op came from; core/notes/ reads the arguments of
 * each switching function).
 */
export function interpret(
  ast: Node,
  inputs: ReadonlyMap<string, Tensor>,
  values = new Map<Node, Tensor>(),
): Tensor {
  const stack: { node: Node; expanded: boolean }[] = [{ node: ast, expanded: false }]
  while (stack.length > 0) {
    const frame = stack.pop()!
    const { node } = frame
    const interior = recordedOpOf(node)
    if (interior === null) {
      values.set(node, leaf(node, inputs))
    } else if (!frame.expanded) {
      stack.push({ node, expanded: true })
      for (let k = interior.operands.length - 1; k >= 0; k--) {
        stack.push({ node: interior.operands[k]!, expanded: false })
      }
    } else {
      const operands = interior.operands.map((operand) => values.get(operand)!)
      // Each op of the language is the rule of the same name, applied as a tensor op.
      values.set(node, ag.apply(interior.op, ...operands))
    }
  }
  return values.get(ast)!
}

function leaf(node: Node, inputs: ReadonlyMap<string, Tensor>): Tensor {
  switch (node.kind) {
    case 'number':
      return ag.tensor(node.value)
    case 'constant':
      return ag.tensor(CONSTANTS[node.name])
    case 'variable': {
      const input = inputs.get(node.name)
      if (input === undefined) throw new Error(`no input for variable '${node.name}'`)
      return input
    }
    default:
      throw new Error(`'${node.kind}' is not a leaf`)
  }
}
