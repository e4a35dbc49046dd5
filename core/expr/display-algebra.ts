import { PRIMITIVES, type Algebra, type ElementwiseOpName, type Primitive } from '../autograd'
import { FUNCTION_OF_RULE } from '../ops/catalog'
import type { Span } from '../protocol/diagnostics'
import type { BinaryOperator, FunctionName, Node } from './ast'

/** The rule algebra read as expression nodes, and the node constructors the display needs. */
export type DisplayAlgebra = Algebra<Node, never> & { num(value: number): Node }

const OPERATORS: Partial<Record<ElementwiseOpName, BinaryOperator>> = {
  add: 'add',
  sub: 'sub',
  mul: 'mul',
  div: 'div',
  pow: 'pow',
  powScalar: 'pow',
}

/**
 * The rules read as formulas for the learner: each primitive is the operator or function of the
 * language that runs it (powScalar is a power like any other), a constant is shown as written
 * (2/√π, ln 2), and step and sign are the display functions. Masks have no written form: a rule whose
 * formula needs one says how it is shown in its `textbook` entry. Every node carries `span`, the span
 * of the node being differentiated.
 */
export function displayAlgebra(span: Span): DisplayAlgebra {
  const num = (value: number): Node => ({ kind: 'number', value, span })
  const node = (operand: Node | number): Node =>
    typeof operand === 'number' ? num(operand) : operand
  const call = (fn: FunctionName, ...args: (Node | number)[]): Node => ({
    kind: 'call',
    fn,
    args: args.map(node),
    span,
  })
  const primitive =
    (op: Primitive) =>
    (...operands: (Node | number)[]): Node => {
      const [left = 0, right = 0] = operands
      const operator = OPERATORS[op]
      if (operator)
        return { kind: 'binary', op: operator, left: node(left), right: node(right), span }
      if (op === 'neg') return { kind: 'neg', operand: node(left), span }
      const fn = FUNCTION_OF_RULE.get(op)
      if (fn === undefined) throw new Error(`the rule '${op}' has no function to show it`)
      return call(fn, ...operands)
    }
  const noWrittenForm = (): never => {
    throw new Error('a mask has no written form; give the rule a textbook entry')
  }
  const algebra: DisplayAlgebra = {
    ...(Object.fromEntries(PRIMITIVES.map((op) => [op, primitive(op)])) as Record<
      Primitive,
      (...operands: (Node | number)[]) => Node
    >),
    num,
    constant: (_value, shown) => shown(algebra),
    pi: { kind: 'constant', name: 'pi', span },
    where: noWrittenForm,
    gt: noWrittenForm,
    ge: noWrittenForm,
    lt: noWrittenForm,
    le: noWrittenForm,
    eq: noWrittenForm,
    and: noWrittenForm,
    or: noWrittenForm,
    nonzero: noWrittenForm,
    sign: (a) => call('sign', a),
    step: (a) => call('step', a),
  }
  return algebra
}
