import { UNARY_FUNCTIONS, type FunctionName, type Node, type UnaryFunction } from '../expr/ast'

/**
 * The autograd ops an AST node can become (names in core/autograd's rule table): the operators, and
 * one op per function — the unary functions under their own names, min and max as minimum and maximum.
 */
export const OP_NAMES = [
  'add',
  'sub',
  'mul',
  'div',
  'pow',
  'powScalar',
  'neg',
  ...UNARY_FUNCTIONS,
  'minimum',
  'maximum',
  'clamp',
] as const
export type OpName = (typeof OP_NAMES)[number]

const FUNCTION_OPS: Record<FunctionName, OpName> = {
  ...(Object.fromEntries(UNARY_FUNCTIONS.map((fn) => [fn, fn])) as Record<UnaryFunction, OpName>),
  min: 'minimum',
  max: 'maximum',
  clamp: 'clamp',
}

/** The op and operands of an interior node; leaves have none. */
export function opOf(node: Node): { op: OpName; operands: Node[] } | null {
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
      if (!(node.fn in FUNCTION_OPS)) {
        // step and sign exist only in derivatives printed for the learner; the parser never makes them.
        throw new Error(`'${node.fn}' is for display and cannot be evaluated`)
      }
      return { op: FUNCTION_OPS[node.fn as FunctionName], operands: node.args }
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
