import { printingOf } from '../ops/catalog'
import type { FunctionName, Node } from './ast'
import { formatNumber } from './print'

const paren = (latex: string): string => `\\left(${latex}\\right)`

/**
 * LaTeX for KaTeX, written as a person would: `x^{2} + 2x + 1`, `\frac{1}{x}`, `2\pi x`,
 * `\sin\left(x\right)`, `\sqrt{x}`, `\left|x\right|`, `e^{x}`. A product is written by juxtaposition
 * (`2x`, `u v`, `x\sin\left(x\right)`) unless its right factor starts with a digit or is a fraction,
 * where `\cdot` keeps `2 \cdot 3` from reading as 23 and `2 \cdot \frac{1}{x}` from reading as a mixed number.
 */
export function toLatex(node: Node): string {
  switch (node.kind) {
    case 'number':
      return numberLatex(node.value)
    case 'constant':
      return node.name === 'pi' ? '\\pi' : 'e'
    case 'variable':
      return node.name
    case 'neg': {
      // `-2x`, `-x^{2}`, `-\frac{1}{x}` bare; a sum or another sign in parentheses.
      const operand = toLatex(node.operand)
      return isSum(node.operand) || isNegative(node.operand) ? `-${paren(operand)}` : `-${operand}`
    }
    case 'call':
      return callLatex(node.fn, node.args)
    case 'binary': {
      const left = toLatex(node.left)
      const right = toLatex(node.right)
      switch (node.op) {
        case 'add':
          return `${left} + ${isNegative(node.right) ? paren(right) : right}`
        case 'sub':
          return `${left} - ${isSum(node.right) || isNegative(node.right) ? paren(right) : right}`
        case 'div': {
          // The sign of a numerator goes in front of the fraction: -\frac{1}{x^{2}}.
          const numerator = withoutLeadingSign(node.left)
          const fraction = `\\frac{${numerator ? toLatex(numerator) : left}}{${right}}`
          return numerator ? `-${fraction}` : fraction
        }
        case 'mul':
          return productLatex(node.left, node.right, left, right)
        case 'pow':
          return `${powerBase(node.left, left)}^{${right}}`
      }
    }
  }
}

function productLatex(leftNode: Node, rightNode: Node, left: string, right: string): string {
  const l = isSum(leftNode) ? paren(left) : left
  if (isSum(rightNode) || isNegative(rightNode)) return `${l}${paren(right)}`
  const needsDot = /^[0-9.]/.test(right) || startsWithFraction(rightNode)
  if (needsDot) return `${l} \\cdot ${right}`
  // A command name or a letter before a letter needs a space (`\pi x`, `u v`); `2x` does not.
  const space = /[A-Za-z]$/.test(l) && /^[A-Za-z]/.test(right) ? ' ' : ''
  return `${l}${space}${right}`
}

/** `-a` → a, `(-a)*b` → a*b; undefined when the expression does not start with a minus. */
function withoutLeadingSign(node: Node): Node | undefined {
  if (node.kind === 'neg') return node.operand
  if (node.kind === 'binary' && node.op === 'mul') {
    const left = withoutLeadingSign(node.left)
    return left && { ...node, left }
  }
  return undefined
}

function startsWithFraction(node: Node): boolean {
  if (node.kind !== 'binary') return false
  if (node.op === 'div') return true
  return node.op === 'mul' || node.op === 'pow' ? startsWithFraction(node.left) : false
}

/**
 * A power's base: bare if it is a symbol, a plain number or a call (`\sin\left(x\right)^{2}`), in
 * parentheses otherwise. `exp` is typeset as e^{…}, so it needs them too: `e^{x}^{2}` is not LaTeX.
 */
function powerBase(base: Node, latex: string): string {
  const bare =
    base.kind === 'variable' ||
    base.kind === 'constant' ||
    (base.kind === 'number' && base.value >= 0 && !latex.includes('\\times')) ||
    (base.kind === 'call' && !latex.startsWith('e^'))
  return bare ? latex : paren(latex)
}

/** As the catalog typesets the function: an operator name (`\\sin\\left(x\\right)`) or its own form. */
function callLatex(fn: FunctionName, args: Node[]): string {
  const inner = args.map(toLatex).join(', ')
  const { latex } = printingOf(fn)
  return typeof latex === 'string' ? `${latex}${paren(inner)}` : latex(inner, args)
}

function isSum(node: Node): boolean {
  return node.kind === 'binary' && (node.op === 'add' || node.op === 'sub')
}

/** Typeset with a leading minus: needs parentheses after +, − and juxtaposition. */
function isNegative(node: Node): boolean {
  if (node.kind === 'number') return node.value < 0
  if (node.kind === 'binary' && (node.op === 'mul' || node.op === 'div'))
    return isNegative(node.left)
  return node.kind === 'neg'
}

/** `1e-7` as `1 \times 10^{-7}`; other numbers as printed. */
function numberLatex(value: number): string {
  const text = formatNumber(value)
  const match = /^(-?[0-9.]+)e([+-])([0-9]+)$/.exec(text)
  if (!match) return text
  const [, mantissa, sign, exponent] = match
  return `${mantissa} \\times 10^{${sign === '-' ? '-' : ''}${exponent}}`
}
