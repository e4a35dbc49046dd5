import { diagnostic, MESSAGES, type Diagnostic, type Span } from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'
import { FUNCTION_NAMES, usageOf } from '../ops/catalog'
import type { BinaryOperator, Node } from './ast'
import { parseCall, parseMissingCall, skipAssignment, skipDerivativeNotation } from './calls'
import type { OperatorSymbol, Token } from './lexer'
import { resolveName, suggestForUnknownName, suggestFunction } from './names'
import { placeholder, replaceWith, startsValue, TokenStream } from './token-stream'

/**
 * Binding powers, as in jsep: one table, one climbing loop. An operator continues the expression to its
 * left only if its power exceeds the power the caller is parsing at. Unary minus sits between `*` and `^`,
 * so `-x^2` is `-(x^2)` and `-2x` is `(-2)·x`. Implicit multiplication binds exactly like `*`.
 */
const INFIX: Readonly<
  Record<OperatorSymbol, { power: number; op: BinaryOperator; rightAssociative: boolean }>
> = {
  '+': { power: 10, op: 'add', rightAssociative: false },
  '-': { power: 10, op: 'sub', rightAssociative: false },
  '*': { power: 20, op: 'mul', rightAssociative: false },
  '/': { power: 20, op: 'div', rightAssociative: false },
  '^': { power: 40, op: 'pow', rightAssociative: true },
}
const IMPLICIT_MULTIPLICATION_POWER = 20
const PREFIX_POWER = 30

const EXPECTED_VALUE = "a number, a variable or '('"
const EXPECTED_OPERATOR = 'an operator such as + or *'

export interface ParseResult {
  ast: Node | null
  diagnostics: Diagnostic[]
}

/** Parses an expression. Never throws: every problem is a diagnostic, and `ast` is null if there is any. */
export function parse(source: string): ParseResult {
  if (source.length > LIMITS.expressionLength) {
    const message = MESSAGES.expressionTooLong(source.length, LIMITS.expressionLength)
    const span: Span = [LIMITS.expressionLength, source.length]
    return { ast: null, diagnostics: [diagnostic('expression-too-long', message, span)] }
  }
  if (source.trim() === '') {
    const span: Span = [0, source.length]
    return {
      ast: null,
      diagnostics: [diagnostic('empty-expression', MESSAGES.emptyExpression(), span)],
    }
  }
  const stream = new TokenStream(source)
  const ast = new Parser(stream).parseInput()
  // Stable sort: diagnostics in reading order, the lexer's before the parser's at the same place.
  const diagnostics = [...stream.diagnostics].sort((a, b) => a.span[0] - b.span[0])
  return diagnostics.length === 0 ? { ast, diagnostics } : { ast: null, diagnostics }
}

/** The Pratt parser proper: expressions, operators, groups and names. Calls are in calls.ts. */
class Parser {
  private readonly expression = (minPower: number): Node => this.parseExpression(minPower)
  /** How many `|…|` are open: inside one, a `|` closes it; outside, it opens a new one. */
  private openBars = 0

  constructor(private readonly stream: TokenStream) {}

  parseInput(): Node {
    const s = this.stream
    skipAssignment(s)
    skipDerivativeNotation(s)
    let node = this.parseExpression(0)
    // Whatever the loop could not continue with: report it, skip it, and keep going so one pass finds
    // as many problems as it can.
    while (!s.halted && s.peek().kind !== 'end') {
      const token = s.advance()
      if (token.kind === 'rparen') {
        s.report('unmatched-parenthesis', MESSAGES.unmatchedParenthesis(), token.span)
        node = this.continueExpression(node, 0)
      } else {
        // A `,` or `=` outside a call: check what follows it on its own.
        s.report(
          'unexpected-token',
          MESSAGES.unexpectedToken(token.text, EXPECTED_OPERATOR),
          token.span,
        )
        this.parseExpression(0)
      }
    }
    return node
  }

  private parseExpression(minPower: number): Node {
    return this.continueExpression(this.parsePrefix(), minPower)
  }

  /** The climbing loop: extend `left` with every operator that binds tighter than `minPower`. */
  private continueExpression(left: Node, minPower: number): Node {
    const s = this.stream
    for (;;) {
      if (s.halted) return left
      const token = s.peek()
      if (token.kind === 'operator') {
        const infix = INFIX[token.op]
        if (infix.power <= minPower) return left
        s.advance()
        const rightPower = infix.rightAssociative ? infix.power - 1 : infix.power
        left = binary(infix.op, left, this.parseOperandOf(token, rightPower))
      } else if (startsValue(token) || (token.kind === 'bar' && this.openBars === 0)) {
        if (IMPLICIT_MULTIPLICATION_POWER <= minPower) return left
        if (token.kind === 'number') {
          // `x2` or `(x+1)3`: numbers come first in a product (`2x`), so this is more likely a typo.
          const at: Span = [token.span[0], token.span[0]]
          const fix = { label: "Insert '*'", span: at, replacement: '*' }
          const message = MESSAGES.unexpectedToken(token.text, EXPECTED_OPERATOR)
          s.report('unexpected-token', message, token.span, fix)
        }
        left = binary('mul', left, this.parseExpression(IMPLICIT_MULTIPLICATION_POWER))
      } else {
        return left
      }
    }
  }

  /** The operand after a binary or unary operator; at the end of input the operator is what lacks it. */
  private parseOperandOf(operator: Token, minPower: number): Node {
    const s = this.stream
    if (s.peek().kind === 'end') {
      s.report('missing-operand', MESSAGES.missingOperand(operator.text), operator.span)
      return placeholder(s.peek().span)
    }
    return this.parseExpression(minPower)
  }

  private parsePrefix(): Node {
    const s = this.stream
    let token = s.peek()
    const strayOperator = (t: Token): boolean =>
      t.kind === 'operator' && t.op !== '+' && t.op !== '-'
    if (strayOperator(token) || token.kind === 'equals') {
      // `x^^2`, `x * / 2`, `x + = 2`: report the stray token once, skip the run, parse what follows.
      s.report('unexpected-token', MESSAGES.unexpectedToken(token.text, EXPECTED_VALUE), token.span)
      while (strayOperator(token) || token.kind === 'equals') {
        s.advance()
        token = s.peek()
      }
      if (token.kind === 'end') return placeholder(token.span)
    }
    switch (token.kind) {
      case 'number':
        s.advance()
        return { kind: 'number', value: token.value, span: token.span }
      case 'name':
        return this.parseName()
      case 'lparen':
        return this.parseGroup()
      case 'bar':
        return this.parseAbsoluteValue()
      case 'operator':
        return this.parseUnary()
      case 'invalid':
        s.advance()
        return placeholder(token.span)
      case 'end':
        s.report('unexpected-end', MESSAGES.unexpectedEnd(EXPECTED_VALUE), token.span)
        return placeholder(token.span)
      case 'rparen':
      case 'comma':
        // Not consumed: the enclosing group or call closes at it.
        s.report(
          'unexpected-token',
          MESSAGES.unexpectedToken(token.text, EXPECTED_VALUE),
          token.span,
        )
        return placeholder(token.span)
    }
  }

  private parseUnary(): Node {
    const s = this.stream
    const sign = s.advance()
    if (!s.enter(sign.span)) return placeholder(sign.span)
    const operand = this.parseOperandOf(sign, PREFIX_POWER)
    s.leave()
    // Unary plus changes nothing, so it leaves no trace in the tree.
    if (sign.text === '+') return operand
    return { kind: 'neg', operand, span: [sign.span[0], operand.span[1]] }
  }

  private parseGroup(): Node {
    const s = this.stream
    const open = s.advance()
    if (!s.enter(open.span)) return placeholder(open.span)
    const inner = this.parseExpression(0)
    const close = s.expectClose(open, () => this.parseExpression(0))
    s.leave()
    // The span of a parenthesised expression includes its parentheses.
    return { ...inner, span: [open.span[0], close] }
  }

  /** `|x|`, the absolute value as a textbook writes it: abs(x). */
  private parseAbsoluteValue(): Node {
    const s = this.stream
    const open = s.advance()
    if (!s.enter(open.span)) return placeholder(open.span)
    this.openBars++
    const inner = this.parseExpression(0)
    this.openBars--
    s.leave()
    let end = inner.span[1]
    if (s.peek().kind === 'bar') end = s.advance().span[1]
    else s.report('unclosed-parenthesis', MESSAGES.unclosedBar(), open.span)
    return { kind: 'call', fn: 'abs', args: [inner], span: [open.span[0], end] }
  }

  private parseName(): Node {
    const s = this.stream
    const token = s.advance()
    const meaning = resolveName(token.text)
    const followedByParen = s.peek().kind === 'lparen'
    switch (meaning?.kind) {
      case 'variable':
        return { kind: 'variable', name: meaning.name, span: token.span }
      case 'constant':
        // A constant before `(` multiplies, as any value does: `2pi(x)` is 2·π·x.
        return { kind: 'constant', name: meaning.name, span: token.span }
      case 'function':
        return followedByParen
          ? parseCall(s, this.expression, token, meaning.fn)
          : parseMissingCall(s, this.expression, token, meaning.fn, PREFIX_POWER)
    }
    if (followedByParen) {
      const suggestion = suggestFunction(token.text)
      const fix = suggestion ? replaceWith(token.span, suggestion) : undefined
      const message = MESSAGES.unknownFunction(token.text, suggestion, FUNCTION_NAMES.map(usageOf))
      s.report('unknown-function', message, token.span, fix)
      parseCall(s, this.expression, token, undefined)
      return placeholder(token.span)
    }
    const suggestion = suggestForUnknownName(token.text) ?? suggestFunction(token.text)
    const fix = suggestion ? replaceWith(token.span, suggestion) : undefined
    s.report('unknown-name', MESSAGES.unknownName(token.text, suggestion), token.span, fix)
    return placeholder(token.span)
  }
}

function binary(op: BinaryOperator, left: Node, right: Node): Node {
  return { kind: 'binary', op, left, right, span: [left.span[0], right.span[1]] }
}
