import type { ElementwiseOpName } from '../autograd'
import type { Node } from '../expr/ast'
import { FUNCTION_NAMES, FUNCTIONS } from './catalog'

/**
 * The rule an AST node runs (a name in core/autograd's rule table): the operators, and per function
 * the rule the catalog names — min and max as minimum and maximum. (Not every rule is one: `where`,
 * the reductions.)
 */
export type NodeOp = ElementwiseOpName

const OPERATOR_OPS = ['add', 'sub', 'mul', 'div', 'pow', 'powScalar', 'neg'] as const

/** Every rule an expression of the language can run. */
export const NODE_OPS: readonly NodeOp[] = [
  ...OPERATOR_OPS,
  ...FUNCTION_NAMES.map((fn) => FUNCTIONS[fn].rule),
]

/** The op and operands of an interior node; leaves have none. */
export function opOf(node: Node): { op: NodeOp; operands: Node[] } | null {
  switch (node.kind) {
    case 'neg':
      return { op: 'neg', operands: [node.operand] }
    case 'binary':
      // A power whose exponent uses no variable is PyTorch's pow(Tensor, Scalar), as `x ** 2` is.
      if (node.op === 'pow' && isConstant(node.right)) {
        return { op: 'powScalar', operands: [node.left, node.right] }
      }
      return { op: node.op, operands: [node.left, node.right] }
    case 'call':
      return { op: FUNCTIONS[node.fn].rule, operands: node.args }
    default:
      return null
  }
}

export const CONSTANTS = { pi: Math.PI, e: Math.E } as const

/** Whether a subtree uses no variable, so that its value is one number fixed by the expression. */
export function isConstant(node: Node): boolean {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return true
    case 'variable':
      return false
    case 'neg':
      return isConstant(node.operand)
    case 'binary':
      return isConstant(node.left) && isConstant(node.right)
    case 'call':
      return node.args.every(isConstant)
  }
}
