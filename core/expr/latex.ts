import { printingOf } from '../ops/catalog'
import type { FunctionName, Node } from './ast'
import { formatNumber } from './print'

const paren = (latex: string): string => `\\left(${latex}\\right)`

export interface LatexOptions {
  /**
   * Wrap every sub-expression in `\htmlData{span=a-b}{…}` (a and b its source span), so a page can find
   * the typeset part of a node of the computation graph, and the node of a clicked part. KaTeX renders
   * the wrapper only when trusted (see FORMULA_TRUST in the renderer); the formula looks the same.
   */
  annotate?: boolean
}

/**
 * A sub-expression typeset twice: `plain`, which every layout decision below reads (is it a number,
 * does it end in a letter), and `shown`, the output, which is `plain` with the annotations. Deciding on
 * `plain` keeps the annotated formula the same formula as the plain one.
 */
interface Piece {
  plain: string
  shown: string
}
type Pick = (piece: Piece) => string

/**
 * LaTeX for KaTeX, written as a person would: `x^{2} + 2x + 1`, `\frac{1}{x}`, `2\pi x`,
 * `\sin\left(x\right)`, `\sqrt{x}`, `\left|x\right|`, `e^{x}`. A product is written by juxtaposition
 * (`2x`, `u v`, `x\sin\left(x\right)`) unless its right factor starts with a digit or is a fraction,
 * where `\cdot` keeps `2 \cdot 3` from reading as 23 and `2 \cdot \frac{1}{x}` from reading as a mixed number.
 */
export function toLatex(node: Node, options: LatexOptions = {}): string {
  return new Typesetter(options.annotate ?? false).piece(node).shown
}

/** The spans `toLatex(…, { annotate: true })` writes, as KaTeX's `data-span` attribute holds them. */
export function spanAttribute(span: readonly [number, number]): string {
  return `${span[0]}-${span[1]}`
}

export function parseSpanAttribute(text: string): [number, number] | null {
  const match = /^(\d+)-(\d+)$/.exec(text)
  return match ? [Number(match[1]), Number(match[2])] : null
}

/**
 * The KaTeX settings under which the annotations render: `trust` lets through `\htmlData` with exactly
 * one `data-span` of two numbers (what `toLatex` writes) and nothing else, and `strict` stops KaTeX's
 * warning about HTML extensions while keeping its default ("warn") for everything else.
 */
export const ANNOTATION_SETTINGS = {
  trust: (context: { command: string; attributes?: Record<string, string> }): boolean => {
    if (context.command !== '\\htmlData' || !context.attributes) return false
    const entries = Object.entries(context.attributes)
    return (
      entries.length === 1 &&
      entries[0]![0] === 'data-span' &&
      parseSpanAttribute(entries[0]![1]) !== null
    )
  },
  strict: (errorCode: string): 'ignore' | 'warn' =>
    errorCode === 'htmlExtension' ? 'ignore' : 'warn',
}

/** Nodes made while typesetting (a numerator without its sign): they are not in the source. */
const derived = new WeakSet<Node>()

class Typesetter {
  constructor(private readonly annotate: boolean) {}

  /** Builds `shown` and `plain` with the same template; once when nothing is annotated. */
  private both(build: (pick: Pick) => string): Piece {
    const plain = build((piece) => piece.plain)
    return { plain, shown: this.annotate ? build((piece) => piece.shown) : plain }
  }

  piece(node: Node): Piece {
    const bare = this.bare(node)
    if (!this.annotate || derived.has(node)) return bare
    return { plain: bare.plain, shown: this.mark(node, bare.shown) }
  }

  private mark(node: Node, shown: string): string {
    return `\\htmlData{span=${spanAttribute(node.span)}}{${shown}}`
  }

  private bare(node: Node): Piece {
    switch (node.kind) {
      case 'number': {
        const text = numberLatex(node.value)
        return { plain: text, shown: text }
      }
      case 'constant': {
        const text = node.name === 'pi' ? '\\pi' : 'e'
        return { plain: text, shown: text }
      }
      case 'variable':
        return { plain: node.name, shown: node.name }
      case 'neg': {
        // `-2x`, `-x^{2}`, `-\frac{1}{x}` bare; a sum or another sign in parentheses.
        const operand = this.piece(node.operand)
        const wrap = isSum(node.operand) || isNegative(node.operand)
        return this.both((s) => (wrap ? `-${paren(s(operand))}` : `-${s(operand)}`))
      }
      case 'call':
        return this.call(node.fn, node.args)
      case 'binary':
        return this.binary(node)
    }
  }

  private binary(node: Extract<Node, { kind: 'binary' }>): Piece {
    if (node.op === 'div') {
      // The sign of a numerator goes in front of the fraction: -\frac{1}{x^{2}}.
      const numerator = withoutLeadingSign(node.left)
      const top = this.piece(numerator ?? node.left)
      const bottom = this.piece(node.right)
      // The negation has no part of its own there; its sign stands for it.
      const negation = numerator && leadingNegation(node.left)
      const sign = !negation ? '' : this.annotate ? this.mark(negation, '-') : '-'
      return this.both((s) => `${sign}\\frac{${s(top)}}{${s(bottom)}}`)
    }
    const left = this.piece(node.left)
    const right = this.piece(node.right)
    switch (node.op) {
      case 'add': {
        const wrap = isNegative(node.right)
        return this.both((s) => `${s(left)} + ${wrap ? paren(s(right)) : s(right)}`)
      }
      case 'sub': {
        const wrap = isSum(node.right) || isNegative(node.right)
        return this.both((s) => `${s(left)} - ${wrap ? paren(s(right)) : s(right)}`)
      }
      case 'mul':
        return this.product(node.left, node.right, left, right)
      case 'pow': {
        const bare = powerBaseIsBare(node.left, left.plain)
        return this.both((s) => `${bare ? s(left) : paren(s(left))}^{${s(right)}}`)
      }
    }
  }

  private product(leftNode: Node, rightNode: Node, left: Piece, right: Piece): Piece {
    const l = (s: Pick) => (isSum(leftNode) ? paren(s(left)) : s(left))
    if (isSum(rightNode) || isNegative(rightNode)) {
      return this.both((s) => `${l(s)}${paren(s(right))}`)
    }
    const needsDot = /^[0-9.]/.test(right.plain) || startsWithFraction(rightNode)
    if (needsDot) return this.both((s) => `${l(s)} \\cdot ${s(right)}`)
    // A command name or a letter before a letter needs a space (`\pi x`, `u v`); `2x` does not.
    const plainLeft = l((piece) => piece.plain)
    const space = /[A-Za-z]$/.test(plainLeft) && /^[A-Za-z]/.test(right.plain) ? ' ' : ''
    return this.both((s) => `${l(s)}${space}${s(right)}`)
  }

  /** As the catalog typesets the function: an operator name (`\\sin\\left(x\\right)`) or its own form. */
  private call(fn: FunctionName, args: Node[]): Piece {
    const pieces = args.map((arg) => this.piece(arg))
    const { latex } = printingOf(fn)
    return this.both((s) => {
      const inner = pieces.map(s).join(', ')
      return typeof latex === 'string' ? `${latex}${paren(inner)}` : latex(inner, args)
    })
  }
}

/** `-a` → a, `(-a)*b` → a*b; undefined when the expression does not start with a minus. */
function withoutLeadingSign(node: Node): Node | undefined {
  if (node.kind === 'neg') return node.operand
  if (node.kind === 'binary' && node.op === 'mul') {
    const left = withoutLeadingSign(node.left)
    if (!left) return undefined
    const unsigned = { ...node, left }
    derived.add(unsigned)
    return unsigned
  }
  return undefined
}

/** The minus a numerator starts with: `-a` itself, or the one of `(-a)*b`. */
function leadingNegation(node: Node): Node | undefined {
  if (node.kind === 'neg') return node
  return node.kind === 'binary' && node.op === 'mul' ? leadingNegation(node.left) : undefined
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
function powerBaseIsBare(base: Node, latex: string): boolean {
  return (
    base.kind === 'variable' ||
    base.kind === 'constant' ||
    (base.kind === 'number' && base.value >= 0 && !latex.includes('\\times')) ||
    (base.kind === 'call' && !latex.startsWith('e^'))
  )
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
