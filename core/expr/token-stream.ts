import {
  diagnostic,
  MESSAGES,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticFix,
  type Span,
} from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'
import type { Node } from './ast'
import { tokenize, type Token } from './lexer'

/**
 * The parser's state: the tokens and a cursor, the diagnostics found so far, and the nesting depth.
 * Past the nesting limit the stream halts, and every parse function returns at once: no recursion goes
 * deeper than LIMITS.nestingDepth, whatever the input.
 */
export class TokenStream {
  readonly diagnostics: Diagnostic[] = []
  readonly tokens: Token[]
  position = 0
  halted = false
  private depth = 0

  constructor(readonly source: string) {
    const lexed = tokenize(source)
    this.tokens = lexed.tokens
    this.diagnostics.push(...lexed.diagnostics)
  }

  peek(offset = 0): Token {
    return this.tokens[this.position + offset] ?? this.endToken()
  }

  advance(): Token {
    const token = this.peek()
    if (token.kind !== 'end') this.position++
    return token
  }

  report(code: DiagnosticCode, message: string, span: Span, fix?: DiagnosticFix): void {
    this.diagnostics.push(diagnostic(code, message, span, fix))
  }

  /** Enters one level of nesting; past the limit, reports once and halts the whole parse. */
  enter(span: Span): boolean {
    if (this.halted) return false
    if (this.depth >= LIMITS.nestingDepth) {
      this.report('nesting-too-deep', MESSAGES.nestingTooDeep(LIMITS.nestingDepth), span)
      this.halted = true
      return false
    }
    this.depth++
    return true
  }

  leave(): void {
    this.depth--
  }

  /**
   * Expects the `)` that closes `open`, returning the end of the group. On anything else it reports,
   * skips it (parsing the next item with `recover` after a `,`) and tries again; at the end of input it
   * reports the unclosed `(`, unless the input already ran out mid-expression (that diagnostic says it
   * better).
   */
  expectClose(open: Token, recover: () => void): number {
    for (;;) {
      const token = this.peek()
      if (this.halted) return token.span[1]
      if (token.kind === 'rparen') return this.advance().span[1]
      if (token.kind === 'end') {
        const last = this.diagnostics[this.diagnostics.length - 1]
        const ranOut = last && (last.code === 'unexpected-end' || last.code === 'missing-operand')
        if (!ranOut) this.report('unclosed-parenthesis', MESSAGES.unclosedParenthesis(), open.span)
        return token.span[0]
      }
      this.advance()
      this.report('unexpected-token', MESSAGES.unexpectedToken(token.text, "')'"), token.span)
      if (token.kind === 'comma') recover()
    }
  }

  textOf(node: Node): string {
    return this.source.slice(node.span[0], node.span[1])
  }

  private endToken(): Token {
    const end = this.source.length
    return { kind: 'end', text: '', span: [end, end] }
  }
}

/** Tokens that begin a value, and so continue a product when they follow one (`2x`, `x(x+1)`). */
export function startsValue(token: Token): boolean {
  return (
    token.kind === 'number' ||
    token.kind === 'name' ||
    token.kind === 'lparen' ||
    token.kind === 'invalid'
  )
}

/** Stands in for a part that could not be parsed; never returned to callers (the AST is null then). */
export function placeholder(span: Span): Node {
  return { kind: 'number', value: Number.NaN, span }
}

export function replaceWith(span: Span, replacement: string): DiagnosticFix {
  return { label: `Replace with '${replacement}'`, span, replacement }
}
