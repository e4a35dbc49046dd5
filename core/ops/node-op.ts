import type { ElementwiseOpName } from '../autograd'
import type { Node, NodeOf } from '../expr/ast'
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

/**
 * The ops the engine records for an interior node, as PyTorch records them for the program `toTorch`
 * writes: the node's own op, except for a Python number over a tensor. `2 / x` is Tensor.__rtruediv__,
 * which PyTorch runs as `x.reciprocal() * 2`: a MulBackward0 over a ReciprocalBackward0, whose numbers
 * are 1/x rounded and then scaled, not one division. The reciprocal is a call node made here (one per
 * division, so a node's identity is stable) spanning the whole division, the text that records both
 * nodes; the displayed derivative keeps `opOf`.
 */
export function recordedOpOf(node: Node): { op: NodeOp; operands: Node[] } | null {
  if (node.kind === 'binary' && node.op === 'div' && isPythonNumber(node.left)) {
    return { op: 'mul', operands: [reciprocalOf(node), node.left] }
  }
  return opOf(node)
}

const RECIPROCALS = new WeakMap<Node, Node>()
const MADE_RECIPROCALS = new WeakSet<Node>()

function reciprocalOf(division: NodeOf<'binary'>): Node {
  let reciprocal = RECIPROCALS.get(division)
  if (reciprocal === undefined) {
    reciprocal = {
      kind: 'call',
      fn: 'reciprocal',
      args: [division.right],
      span: division.span,
    }
    RECIPROCALS.set(division, reciprocal)
    MADE_RECIPROCALS.add(reciprocal)
  }
  return reciprocal
}

/** Whether a node is the reciprocal `recordedOpOf` made for `2 / x` (it has no text of its own). */
export const isRecordedReciprocal = (node: Node): boolean => MADE_RECIPROCALS.has(node)

/**
 * A Python number in the PyTorch program `toTorch` writes (core/expr/torch.ts): literals, `math.pi` and
 * arithmetic of them. A function of a constant is a tensor there (`torch.sin(torch.tensor(1.0))`).
 */
export function isPythonNumber(node: Node): boolean {
  switch (node.kind) {
    case 'number':
    case 'constant':
      return true
    case 'neg':
      return isPythonNumber(node.operand)
    case 'binary':
      return isPythonNumber(node.left) && isPythonNumber(node.right)
    default:
      return false
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
