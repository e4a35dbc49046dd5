import {
  diagnostic,
  MESSAGES,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticFix,
  type Span,
} from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'
import type { BinaryOperator, FunctionName, Node } from './ast'
import { tokenize, type OperatorSymbol, type Token } from './lexer'
import { arityOf, resolveName, suggestForUnknownName, suggestFunction } from './names'

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
  const lexed = tokenize(source)
  const parser = new Parser(lexed.tokens, source.length)
  const ast = parser.parseInput()
  // Stable sort: diagnostics in reading order, the lexer's before the parser's at the same place.
  const diagnostics = [...lexed.diagnostics, ...parser.diagnostics].sort(
    (a, b) => a.span[0] - b.span[0],
  )
  return diagnostics.length === 0 ? { ast, diagnostics } : { ast: null, diagnostics }
}

class Parser {
  readonly diagnostics: Diagnostic[] = []
  private position = 0
  private depth = 0
  /** Set once nesting passes the limit: from then on every parse function returns at once. */
  private halted = false

  constructor(
    private readonly tokens: Token[],
    private readonly inputLength: number,
  ) {}

  parseInput(): Node {
    let node = this.parseExpression(0)
    // Whatever the loop could not continue with: report it, skip it, and keep going so one pass finds
    // as many problems as it can.
    while (!this.halted && this.peek().kind !== 'end') {
      const token = this.advance()
      if (token.kind === 'rparen') {
        this.report('unmatched-parenthesis', MESSAGES.unmatchedParenthesis(), token.span)
        node = this.continueExpression(node, 0)
      } else {
        // A `,` outside a call: check what follows it on its own.
        this.report(
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
    for (;;) {
      if (this.halted) return left
      const token = this.peek()
      if (token.kind === 'operator') {
        const infix = INFIX[token.op]
        if (infix.power <= minPower) return left
        this.advance()
        const rightPower = infix.rightAssociative ? infix.power - 1 : infix.power
        const right = this.parseOperandOf(token, rightPower)
        left = binary(infix.op, left, right)
      } else if (startsValue(token)) {
        if (IMPLICIT_MULTIPLICATION_POWER <= minPower) return left
        if (token.kind === 'number') {
          // `x2` or `(x+1)3`: numbers come first in a product (`2x`), so this is more likely a typo.
          const fix = {
            label: "Insert '*'",
            span: [token.span[0], token.span[0]] as Span,
            replacement: '*',
          }
          this.report(
            'unexpected-token',
            MESSAGES.unexpectedToken(token.text, EXPECTED_OPERATOR),
            token.span,
            fix,
          )
        }
        const right = this.parseExpression(IMPLICIT_MULTIPLICATION_POWER)
        left = binary('mul', left, right)
      } else {
        return left
      }
    }
  }

  /** The operand after a binary or unary operator; at the end of input the operator is what lacks it. */
  private parseOperandOf(operator: Token, minPower: number): Node {
    if (this.peek().kind === 'end') {
      this.report('missing-operand', MESSAGES.missingOperand(operator.text), operator.span)
      return placeholder(this.peek().span)
    }
    return this.parseExpression(minPower)
  }

  private parsePrefix(): Node {
    let token = this.peek()
    if (token.kind === 'operator' && token.op !== '+' && token.op !== '-') {
      // `x^^2`, `x * / 2`: report the stray operator once, skip the run, and parse what follows.
      this.report(
        'unexpected-token',
        MESSAGES.unexpectedToken(token.text, EXPECTED_VALUE),
        token.span,
      )
      while (token.kind === 'operator' && token.op !== '+' && token.op !== '-') {
        this.advance()
        token = this.peek()
      }
      if (token.kind === 'end') return placeholder(token.span)
    }
    switch (token.kind) {
      case 'number':
        this.advance()
        return { kind: 'number', value: token.value, span: token.span }
      case 'name':
        return this.parseName()
      case 'lparen':
        return this.parseGroup()
      case 'operator':
        return this.parseUnary()
      case 'invalid':
        this.advance()
        return placeholder(token.span)
      case 'end':
        this.report('unexpected-end', MESSAGES.unexpectedEnd(EXPECTED_VALUE), token.span)
        return placeholder(token.span)
      case 'rparen':
      case 'comma':
        // Not consumed: the enclosing group or call closes at it.
        this.report(
          'unexpected-token',
          MESSAGES.unexpectedToken(token.text, EXPECTED_VALUE),
          token.span,
        )
        return placeholder(token.span)
    }
  }

  private parseUnary(): Node {
    const sign = this.advance()
    if (!this.enter(sign.span)) return placeholder(sign.span)
    const operand = this.parseOperandOf(sign, PREFIX_POWER)
    this.depth--
    // Unary plus changes nothing, so it leaves no trace in the tree.
    if (sign.text === '+') return operand
    return { kind: 'neg', operand, span: [sign.span[0], operand.span[1]] }
  }

  private parseGroup(): Node {
    const open = this.advance()
    if (!this.enter(open.span)) return placeholder(open.span)
    const inner = this.parseExpression(0)
    const close = this.expectClose(open, () => this.parseExpression(0))
    this.depth--
    // The span of a parenthesised expression includes its parentheses.
    return { ...inner, span: [open.span[0], close] }
  }

  /**
   * Expects the `)` that closes `open`, returning the end of the group. On `,` it reports, parses the next
   * item with `recover` and tries again; at the end of input it reports the unclosed `(`, unless the input
   * already ran out mid-expression (that diagnostic says it better).
   */
  private expectClose(open: Token, recover: () => void): number {
    for (;;) {
      const token = this.peek()
      if (this.halted) return token.span[1]
      if (token.kind === 'rparen') return this.advance().span[1]
      if (token.kind === 'end') {
        const last = this.diagnostics[this.diagnostics.length - 1]
        const ranOut = last && (last.code === 'unexpected-end' || last.code === 'missing-operand')
        if (!ranOut) {
          this.report('unclosed-parenthesis', MESSAGES.unclosedParenthesis(), open.span)
        }
        return token.span[0]
      }
      this.advance()
      this.report('unexpected-token', MESSAGES.unexpectedToken(token.text, "')'"), token.span)
      if (token.kind === 'comma') recover()
    }
  }

  private parseName(): Node {
    const token = this.advance()
    const meaning = resolveName(token.text)
    const followedByParen = this.peek().kind === 'lparen'
    if (meaning?.kind === 'variable')
      return { kind: 'variable', name: meaning.name, span: token.span }
    // A constant before `(` multiplies, as any value does: `2pi(x)` is 2·π·x.
    if (meaning?.kind === 'constant')
      return { kind: 'constant', name: meaning.name, span: token.span }
    if (meaning?.kind === 'function') {
      return followedByParen
        ? this.parseCall(token, meaning.fn)
        : this.parseMissingCall(token, meaning.fn)
    }
    if (followedByParen) {
      const suggestion = suggestFunction(token.text)
      const fix = suggestion ? replaceWith(token.span, suggestion) : undefined
      this.report(
        'unknown-function',
        MESSAGES.unknownFunction(token.text, suggestion),
        token.span,
        fix,
      )
      this.parseCall(token, undefined)
      return placeholder(token.span)
    }
    const suggestion = suggestForUnknownName(token.text) ?? suggestFunction(token.text)
    const fix = suggestion ? replaceWith(token.span, suggestion) : undefined
    this.report('unknown-name', MESSAGES.unknownName(token.text, suggestion), token.span, fix)
    return placeholder(token.span)
  }

  /** `name(args…)`; `fn` undefined when the name is unknown (the arguments are still checked). */
  private parseCall(name: Token, fn: FunctionName | undefined): Node {
    const open = this.advance()
    if (!this.enter(open.span)) return placeholder(name.span)
    const args: Node[] = []
    if (this.peek().kind !== 'rparen') {
      args.push(this.parseExpression(0))
      while (!this.halted && this.peek().kind === 'comma') {
        this.advance()
        args.push(this.parseExpression(0))
      }
    }
    const errorsBefore = this.diagnostics.length
    const end = this.expectClose(open, () => args.push(this.parseExpression(0)))
    this.depth--
    const span: Span = [name.span[0], end]
    if (!fn) return placeholder(span)
    const arity = arityOf(fn)
    if (args.length !== arity && this.diagnostics.length === errorsBefore) {
      const expected = `${arity} argument${arity === 1 ? '' : 's'}`
      this.report('wrong-arity', MESSAGES.wrongArity(name.text, expected, args.length), span)
    }
    return { kind: 'call', fn, args, span }
  }

  /**
   * `sin x`: a known function without parentheses. The fix adds them when the argument is one simple
   * value that nothing else continues (`sin x + 1` → `sin(x) + 1`); otherwise what was meant is unclear.
   * Parsing goes on as if the call were written, so later problems are found too.
   */
  private parseMissingCall(name: Token, fn: FunctionName): Node {
    const next = this.peek()
    const afterNext = this.tokens[this.position + 1]
    const simpleArgument =
      (next.kind === 'number' ||
        (next.kind === 'name' && resolveName(next.text)?.kind !== 'function')) &&
      afterNext !== undefined &&
      !startsValue(afterNext) &&
      !(afterNext.kind === 'operator' && afterNext.op === '^')
    const fix = simpleArgument
      ? replaceWith([name.span[0], next.span[1]], `${name.text}(${next.text})`)
      : undefined
    this.report('missing-call', MESSAGES.missingCall(name.text), name.span, fix)
    if (startsValue(next) && this.enter(name.span)) {
      const argument = this.parseExpression(PREFIX_POWER)
      this.depth--
      return { kind: 'call', fn, args: [argument], span: [name.span[0], argument.span[1]] }
    }
    return placeholder(name.span)
  }

  /** Enters one level of nesting; past the limit, reports once and halts the whole parse. */
  private enter(span: Span): boolean {
    if (this.halted) return false
    if (this.depth >= LIMITS.nestingDepth) {
      this.report('nesting-too-deep', MESSAGES.nestingTooDeep(LIMITS.nestingDepth), span)
      this.halted = true
      return false
    }
    this.depth++
    return true
  }

  private peek(): Token {
    return this.tokens[this.position] ?? this.endToken()
  }

  private advance(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.position++
    return token
  }

  private endToken(): Token {
    return { kind: 'end', text: '', span: [this.inputLength, this.inputLength] }
  }

  private report(code: DiagnosticCode, message: string, span: Span, fix?: DiagnosticFix): void {
    this.diagnostics.push(diagnostic(code, message, span, fix))
  }
}

function startsValue(token: Token): boolean {
  return (
    token.kind === 'number' ||
    token.kind === 'name' ||
    token.kind === 'lparen' ||
    token.kind === 'invalid'
  )
}

function binary(op: BinaryOperator, left: Node, right: Node): Node {
  return { kind: 'binary', op, left, right, span: [left.span[0], right.span[1]] }
}

/** Stands in for a part that could not be parsed; never returned to callers (the AST is null then). */
function placeholder(span: Span): Node {
  return { kind: 'number', value: Number.NaN, span }
}

function replaceWith(span: Span, replacement: string): DiagnosticFix {
  return { label: `Replace with '${replacement}'`, span, replacement }
}
