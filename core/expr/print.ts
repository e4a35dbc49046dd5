import { LIMITS } from '../protocol/limits'
import type { BinaryOperator, Node } from './ast'

/**
 * How tightly each form binds, for deciding parentheses: sums < products < unary minus < powers < atoms.
 * Mirrors the parser's table (unary minus binds tighter than `*` and looser than `^`).
 */
export const PRECEDENCE = { sum: 1, product: 2, negation: 3, power: 4, atom: 5 } as const

export function precedenceOf(node: Node): number {
  switch (node.kind) {
    case 'binary':
      return binaryPrecedence(node.op)
    case 'neg':
      return PRECEDENCE.negation
    case 'number':
      // A negative literal (made by simplify, never by the parser) prints with its sign, like a negation.
      return node.value < 0 || Object.is(node.value, -0) ? PRECEDENCE.negation : PRECEDENCE.atom
    default:
      return PRECEDENCE.atom
  }
}

export function binaryPrecedence(op: BinaryOperator): number {
  if (op === 'add' || op === 'sub') return PRECEDENCE.sum
  if (op === 'mul' || op === 'div') return PRECEDENCE.product
  return PRECEDENCE.power
}

const SPACED: Readonly<Record<BinaryOperator, string>> = {
  add: ' + ',
  sub: ' - ',
  mul: '*',
  div: '/',
  pow: '^',
}
const COMPACT: Readonly<Record<BinaryOperator, string>> = { ...SPACED, add: '+', sub: '-' }

/**
 * Canonical text: re-parses to the same tree, with only the parentheses the grammar needs.
 * Left-associative operators keep their left operand bare at equal precedence and wrap the right one
 * (`a - (b - c)`); `^` is the other way round (`(a^b)^c`, `a^b^c`). A negation may follow `*`, `/`
 * or `^` directly (`x*-y`, `2^-x`) because the parser reads a unary minus there, and a negation of a
 * negation is `--x`: the parser reads `-` after `-` too, and parentheses there would count towards the
 * nesting limit (55 minus signs are accepted; `-(-(…x))` 55 deep is 109 levels).
 */
export function printExpression(node: Node): string {
  return printWith(node, SPACED, printedSpaced)
}

/** The same text without the spaces around `+`, `-` and after commas: never longer, often half. */
export function printCompact(node: Node): string {
  return printWith(node, COMPACT, printedCompact)
}

/**
 * The canonical text `analyze` answers, which must parse back to the same tree: the spaced form, or the
 * compact one when spaces would push it over LIMITS.expressionLength (999 characters of `x+x+…` spaced
 * are 1,997). A few spellings are shorter than their canonical form (`.5`, `1e9`, `π`, `ln`, `2x`), so
 * a 1,000-character input can be longer still when printed; then the input itself is the answer: it
 * parsed to this tree, so it parses back to it.
 */
export function canonicalText(node: Node, source: string): string {
  const spaced = printExpression(node)
  if (spaced.length <= LIMITS.expressionLength) return spaced
  const compact = printCompact(node)
  return compact.length <= LIMITS.expressionLength ? compact : source
}

// Simplify keys factors by their text, often of the same shared subtree: remember it by identity.
const printedSpaced = new WeakMap<Node, string>()
const printedCompact = new WeakMap<Node, string>()

function printWith(
  node: Node,
  symbols: Readonly<Record<BinaryOperator, string>>,
  printed: WeakMap<Node, string>,
): string {
  const known = printed.get(node)
  if (known !== undefined) return known
  const text = printOnce(node, (child) => printWith(child, symbols, printed), symbols)
  printed.set(node, text)
  return text
}

function printOnce(
  node: Node,
  print: (child: Node) => string,
  symbols: Readonly<Record<BinaryOperator, string>>,
): string {
  switch (node.kind) {
    case 'number':
      return formatNumber(node.value)
    case 'constant':
      return node.name
    case 'variable':
      return node.name
    case 'neg': {
      const operand = print(node.operand)
      // A negative literal (made by simplify) keeps its parentheses: `--2` would read as two negations.
      const bare = node.operand.kind === 'neg' || precedenceOf(node.operand) > PRECEDENCE.negation
      return bare ? `-${operand}` : `-(${operand})`
    }
    case 'call':
      return `${node.fn}(${node.args.map(print).join(symbols === COMPACT ? ',' : ', ')})`
    case 'binary': {
      const wrap = (operand: Node, side: 'left' | 'right'): string => {
        const text = print(operand)
        return operandNeedsParentheses(node.op, side, precedenceOf(operand)) ? `(${text})` : text
      }
      return `${wrap(node.left, 'left')}${symbols[node.op]}${wrap(node.right, 'right')}`
    }
  }
}

/**
 * Whether an operand of `op` with the given precedence needs parentheses. Shared by the canonical
 * printer and the PyTorch printer: Python's `**`, unary minus, `*` and `+` bind exactly like ours.
 */
export function operandNeedsParentheses(
  op: BinaryOperator,
  side: 'left' | 'right',
  operandPrecedence: number,
): boolean {
  const own = binaryPrecedence(op)
  const rightAssociative = op === 'pow'
  if (side === 'left') return rightAssociative ? operandPrecedence <= own : operandPrecedence < own
  // After `*`, `/` or `^` a unary minus reads as the start of the operand: `x*-y`, `2^-x`.
  if (own >= PRECEDENCE.product && operandPrecedence === PRECEDENCE.negation) return false
  return rightAssociative ? operandPrecedence < own : operandPrecedence <= own
}

/** Shortest text that reads back as the same double: `2`, `0.5`, `1e-7`. */
export function formatNumber(value: number): string {
  if (Object.is(value, -0)) return '-0'
  return String(value)
}
