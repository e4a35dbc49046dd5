import type { BinaryOp, CompareOp, Expr, FPart, Keyword, Stmt } from './ast'
import { notSupported, PyError, type Span } from './errors'
import { tokenize, type Token } from './lexer'
import { LIMITS } from '../protocol/limits'

/**
 * A recursive-descent parser for the subset, following the grammar of Python 3's reference (§6
 * expressions, §7–8 statements) with its precedence: `or` < `and` < `not` < comparisons < `+ -` <
 * `* / // %` < unary `-` < `**` (right-associative, binding tighter than a unary minus on its left) <
 * calls, attributes and indexing. Valid Python outside the subset is a NotSupportedError at its span.
 */

const KEYWORDS_UNSUPPORTED = new Set([
  'def',
  'class',
  'lambda',
  'while',
  'try',
  'except',
  'raise',
  'return',
  'yield',
  'del',
  'global',
  'nonlocal',
  'assert',
  'async',
  'await',
  'from',
  'elif_',
])

const AUGMENTED: Record<string, BinaryOp> = {
  '+=': '+',
  '-=': '-',
  '*=': '*',
  '/=': '/',
  '//=': '//',
  '%=': '%',
  '**=': '**',
}

const join = (a: Span, b: Span): Span => ({ start: a.start, end: b.end })

class Parser {
  private pos = 0
  private depth = 0
  constructor(
    private readonly tokens: Token[],
    private readonly offset = 0,
  ) {}

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.pos + ahead, this.tokens.length - 1)]!
  }
  private next(): Token {
    const token = this.peek()
    if (this.pos < this.tokens.length - 1) this.pos++
    return token
  }
  private isOp(text: string, ahead = 0): boolean {
    const token = this.peek(ahead)
    return token.kind === 'op' && token.text === text
  }
  private isName(text: string): boolean {
    const token = this.peek()
    return token.kind === 'name' && token.text === text
  }
  private span(token: Token): Span {
    return { start: token.span.start + this.offset, end: token.span.end + this.offset }
  }
  private fail(token: Token, message = 'invalid syntax'): PyError {
    if (token.kind === 'eof' || (token.kind === 'newline' && message === 'invalid syntax'))
      return new PyError(
        'SyntaxError',
        message === 'invalid syntax' ? 'invalid syntax' : message,
        this.span(token),
      )
    return new PyError('SyntaxError', message, this.span(token))
  }
  private expectOp(text: string): Token {
    if (!this.isOp(text)) throw this.fail(this.peek(), `expected '${text}'`)
    return this.next()
  }

  module(): Stmt[] {
    const body: Stmt[] = []
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'newline') {
        this.next()
        continue
      }
      if (this.peek().kind === 'indent')
        throw new PyError('IndentationError', 'unexpected indent', this.span(this.peek()))
      body.push(...this.statement())
    }
    return body
  }

  private block(): Stmt[] {
    this.expectOp(':')
    if (this.peek().kind !== 'newline') {
      return this.simpleStatements()
    }
    this.next()
    if (this.peek().kind !== 'indent')
      throw new PyError('IndentationError', 'expected an indented block', this.span(this.peek()))
    this.next()
    const body: Stmt[] = []
    while (this.peek().kind !== 'dedent' && this.peek().kind !== 'eof') {
      if (this.peek().kind === 'newline') {
        this.next()
        continue
      }
      body.push(...this.statement())
    }
    if (this.peek().kind === 'dedent') this.next()
    return body
  }

  private statement(): Stmt[] {
    const token = this.peek()
    if (token.kind === 'name') {
      if (token.text === 'for') return [this.forStatement()]
      if (token.text === 'if') return [this.ifStatement()]
      if (token.text === 'with') return [this.withStatement()]
      if (
        token.text === 'while' ||
        token.text === 'def' ||
        token.text === 'class' ||
        token.text === 'try'
      )
        throw notSupported(`'${token.text}'`, this.span(token))
    }
    return this.simpleStatements()
  }

  private simpleStatements(): Stmt[] {
    const statements = [this.simpleStatement()]
    while (this.isOp(';')) {
      this.next()
      if (this.peek().kind === 'newline' || this.peek().kind === 'eof') break
      statements.push(this.simpleStatement())
    }
    const end = this.peek()
    if (end.kind !== 'newline' && end.kind !== 'eof') throw this.fail(end)
    if (end.kind === 'newline') this.next()
    return statements
  }

  private simpleStatement(): Stmt {
    const token = this.peek()
    if (token.kind === 'name') {
      if (token.text === 'import') return this.importStatement()
      if (token.text === 'pass') return { kind: 'pass', span: this.span(this.next()) }
      if (token.text === 'break') return { kind: 'break', span: this.span(this.next()) }
      if (token.text === 'continue') return { kind: 'continue', span: this.span(this.next()) }
      if (KEYWORDS_UNSUPPORTED.has(token.text)) {
        const what = token.text === 'from' ? "'from … import'" : `'${token.text}'`
        throw notSupported(what, this.span(token))
      }
    }
    const first = this.expressionList()
    if (this.isOp('=')) {
      const targets = [first]
      let value = first
      while (this.isOp('=')) {
        this.next()
        value = this.expressionList()
        targets.push(value)
      }
      targets.pop()
      for (const target of targets) this.checkTarget(target)
      return { kind: 'assign', targets, value, span: join(first.span, value.span) }
    }
    const op = this.peek()
    if (op.kind === 'op' && op.text in AUGMENTED) {
      this.next()
      this.checkTarget(first)
      const value = this.expressionList()
      return {
        kind: 'augassign',
        target: first,
        op: AUGMENTED[op.text]!,
        value,
        span: join(first.span, value.span),
      }
    }
    if (op.kind === 'op' && op.text === ':')
      throw notSupported('an annotated assignment', this.span(op))
    return { kind: 'expr', value: first, span: first.span }
  }

  private checkTarget(target: Expr): void {
    if (target.kind === 'name' || target.kind === 'attr' || target.kind === 'index') return
    if (target.kind === 'tuple' || target.kind === 'list') {
      for (const item of target.items) this.checkTarget(item)
      return
    }
    throw new PyError(
      'SyntaxError',
      "cannot assign to expression here. Maybe you meant '==' instead of '='?",
      target.span,
    )
  }

  private dottedName(): { name: string; span: Span } {
    const first = this.next()
    if (first.kind !== 'name') throw this.fail(first)
    let name = first.text
    let span = this.span(first)
    while (this.isOp('.')) {
      this.next()
      const part = this.next()
      if (part.kind !== 'name') throw this.fail(part)
      name += `.${part.text}`
      span = join(span, this.span(part))
    }
    return { name, span }
  }

  private importStatement(): Stmt {
    const start = this.span(this.next())
    const { name, span } = this.dottedName()
    let alias: string | null = null
    let end = span
    if (this.isName('as')) {
      this.next()
      const aliasToken = this.next()
      if (aliasToken.kind !== 'name') throw this.fail(aliasToken)
      alias = aliasToken.text
      end = this.span(aliasToken)
    }
    if (this.isOp(','))
      throw notSupported('importing several modules on one line', this.span(this.peek()))
    return { kind: 'import', module: name, alias, span: join(start, end) }
  }

  private forStatement(): Stmt {
    const start = this.span(this.next())
    const target = this.targetList()
    if (!this.isName('in')) throw this.fail(this.peek())
    this.next()
    const iter = this.expressionList()
    const body = this.block()
    if (this.isName('else')) throw notSupported("'for … else'", this.span(this.peek()))
    return { kind: 'for', target, iter, body, span: join(start, iter.span) }
  }

  private targetList(): Expr {
    const first = this.arith()
    if (!this.isOp(',')) {
      this.checkTarget(first)
      return first
    }
    const items = [first]
    while (this.isOp(',')) {
      this.next()
      if (this.isName('in')) break
      items.push(this.arith())
    }
    const target: Expr = {
      kind: 'tuple',
      items,
      span: join(first.span, items[items.length - 1]!.span),
    }
    this.checkTarget(target)
    return target
  }

  private ifStatement(): Stmt {
    const start = this.span(this.next())
    const test = this.expression()
    const body = this.block()
    let orelse: Stmt[] = []
    if (this.isName('elif')) {
      orelse = [this.ifStatement()]
    } else if (this.isName('else')) {
      this.next()
      orelse = this.block()
    }
    return { kind: 'if', test, body, orelse, span: join(start, test.span) }
  }

  private withStatement(): Stmt {
    const start = this.span(this.next())
    const context = this.expression()
    if (this.isName('as')) throw notSupported("'with … as'", this.span(this.peek()))
    const body = this.block()
    return { kind: 'with', context, body, span: join(start, context.span) }
  }

  /** `a, b` is a tuple wherever a bare expression list may stand. */
  expressionList(): Expr {
    const first = this.expression()
    if (!this.isOp(',')) return first
    const items = [first]
    let end = first.span
    while (this.isOp(',')) {
      end = this.span(this.next())
      if (this.endsList()) break
      const item = this.expression()
      items.push(item)
      end = item.span
    }
    return { kind: 'tuple', items, span: join(first.span, end) }
  }

  private endsList(): boolean {
    const token = this.peek()
    return (
      token.kind === 'newline' ||
      token.kind === 'eof' ||
      (token.kind === 'op' && [')', ']', '=', ';', ':'].includes(token.text))
    )
  }

  private enter(token: Token): void {
    if (++this.depth > LIMITS.notebook.nestingDepth)
      throw new PyError('SyntaxError', 'too many nested parentheses', this.span(token))
  }

  expression(): Expr {
    const token = this.peek()
    if (token.kind === 'name' && token.text === 'lambda')
      throw notSupported("'lambda'", this.span(token))
    this.enter(token)
    const body = this.orExpr()
    let result = body
    if (this.isName('if')) {
      this.next()
      const test = this.orExpr()
      if (!this.isName('else'))
        throw this.fail(this.peek(), "expected 'else' after 'if' expression")
      this.next()
      const orelse = this.expression()
      result = { kind: 'ifexp', test, body, orelse, span: join(body.span, orelse.span) }
    }
    this.depth--
    return result
  }

  private orExpr(): Expr {
    let left = this.andExpr()
    while (this.isName('or')) {
      this.next()
      const right = this.andExpr()
      left = { kind: 'bool', op: 'or', left, right, span: join(left.span, right.span) }
    }
    return left
  }

  private andExpr(): Expr {
    let left = this.notExpr()
    while (this.isName('and')) {
      this.next()
      const right = this.notExpr()
      left = { kind: 'bool', op: 'and', left, right, span: join(left.span, right.span) }
    }
    return left
  }

  private notExpr(): Expr {
    if (this.isName('not')) {
      const token = this.next()
      this.enter(token)
      const operand = this.notExpr()
      this.depth--
      return { kind: 'unary', op: 'not', operand, span: join(this.span(token), operand.span) }
    }
    return this.comparison()
  }

  private compareOp(): CompareOp | null {
    const token = this.peek()
    if (token.kind === 'op' && ['<', '>', '<=', '>=', '==', '!='].includes(token.text)) {
      this.next()
      return token.text as CompareOp
    }
    if (token.kind === 'name' && token.text === 'in') {
      this.next()
      return 'in'
    }
    if (token.kind === 'name' && token.text === 'is') {
      this.next()
      if (this.isName('not')) {
        this.next()
        return 'is not'
      }
      return 'is'
    }
    if (
      token.kind === 'name' &&
      token.text === 'not' &&
      this.peek(1).kind === 'name' &&
      this.peek(1).text === 'in'
    ) {
      this.next()
      this.next()
      return 'not in'
    }
    return null
  }

  private comparison(): Expr {
    const first = this.arith()
    const ops: CompareOp[] = []
    const operands = [first]
    for (let op = this.compareOp(); op !== null; op = this.compareOp()) {
      ops.push(op)
      operands.push(this.arith())
    }
    if (ops.length === 0) return first
    return {
      kind: 'compare',
      ops,
      operands,
      span: join(first.span, operands[operands.length - 1]!.span),
    }
  }

  private arith(): Expr {
    let left = this.term()
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp
      const right = this.term()
      left = { kind: 'binary', op, left, right, span: join(left.span, right.span) }
    }
    return left
  }

  private term(): Expr {
    let left = this.factor()
    for (;;) {
      const token = this.peek()
      if (token.kind === 'op' && token.text === '@')
        throw notSupported("the matrix product '@'", this.span(token))
      if (token.kind !== 'op' || !['*', '/', '//', '%'].includes(token.text)) return left
      this.next()
      const right = this.factor()
      left = {
        kind: 'binary',
        op: token.text as BinaryOp,
        left,
        right,
        span: join(left.span, right.span),
      }
    }
  }

  private factor(): Expr {
    const token = this.peek()
    if (token.kind === 'op' && (token.text === '-' || token.text === '+')) {
      this.next()
      this.enter(token)
      const operand = this.factor()
      this.depth--
      return {
        kind: 'unary',
        op: token.text as '-' | '+',
        operand,
        span: join(this.span(token), operand.span),
      }
    }
    if (token.kind === 'op' && token.text === '~') throw notSupported("'~'", this.span(token))
    return this.power()
  }

  private power(): Expr {
    const base = this.postfix()
    if (!this.isOp('**')) return base
    const token = this.next()
    this.enter(token)
    const exponent = this.factor()
    this.depth--
    return {
      kind: 'binary',
      op: '**',
      left: base,
      right: exponent,
      span: join(base.span, exponent.span),
    }
  }

  private postfix(): Expr {
    let expr = this.atom()
    for (;;) {
      if (this.isOp('.')) {
        this.next()
        const name = this.next()
        if (name.kind !== 'name') throw this.fail(name)
        expr = {
          kind: 'attr',
          object: expr,
          name: name.text,
          span: join(expr.span, this.span(name)),
        }
      } else if (this.isOp('(')) {
        expr = this.call(expr)
      } else if (this.isOp('[')) {
        const open = this.next()
        this.enter(open)
        if (this.isOp(':')) throw notSupported('slicing', this.span(this.peek()))
        const index = this.expressionList()
        if (this.isOp(':')) throw notSupported('slicing', this.span(this.peek()))
        this.depth--
        const close = this.expectOp(']')
        expr = { kind: 'index', object: expr, index, span: join(expr.span, this.span(close)) }
      } else return expr
    }
  }

  private call(func: Expr): Expr {
    const open = this.next()
    this.enter(open)
    const args: Expr[] = []
    const keywords: Keyword[] = []
    while (!this.isOp(')')) {
      const token = this.peek()
      if (token.kind === 'op' && (token.text === '*' || token.text === '**'))
        throw notSupported(`unpacking arguments with '${token.text}'`, this.span(token))
      if (token.kind === 'name' && this.isOp('=', 1)) {
        this.next()
        this.next()
        const value = this.expression()
        if (keywords.some((k) => k.name === token.text))
          throw new PyError(
            'SyntaxError',
            `keyword argument repeated: ${token.text}`,
            this.span(token),
          )
        keywords.push({ name: token.text, value, span: join(this.span(token), value.span) })
      } else {
        const value = this.expression()
        if (keywords.length > 0)
          throw new PyError(
            'SyntaxError',
            'positional argument follows keyword argument',
            value.span,
          )
        if (this.isName('for')) throw notSupported('a generator expression', this.span(this.peek()))
        args.push(value)
      }
      if (!this.isOp(',')) break
      this.next()
    }
    this.depth--
    const close = this.peek()
    if (!this.isOp(')')) throw this.fail(close, "'(' was never closed")
    this.next()
    return { kind: 'call', func, args, keywords, span: join(func.span, this.span(close)) }
  }

  private atom(): Expr {
    const token = this.next()
    const span = this.span(token)
    switch (token.kind) {
      case 'int': {
        const text = token.text.replace(/_/g, '')
        if (/^0\d/.test(text) && /[1-9]/.test(text))
          throw new PyError(
            'SyntaxError',
            'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
            span,
          )
        return { kind: 'int', value: BigInt(text), span }
      }
      case 'float':
        return { kind: 'float', value: Number(token.text.replace(/_/g, '')), span }
      case 'string':
        return this.strings(token)
      case 'name':
        if (token.text === 'True' || token.text === 'False')
          return { kind: 'const', value: token.text === 'True', span }
        if (token.text === 'None') return { kind: 'const', value: null, span }
        if (KEYWORDS_UNSUPPORTED.has(token.text) || token.text === 'yield')
          throw notSupported(`'${token.text}'`, span)
        if (
          [
            'for',
            'if',
            'else',
            'in',
            'and',
            'or',
            'not',
            'import',
            'with',
            'elif',
            'is',
            'pass',
          ].includes(token.text)
        )
          throw this.fail(token)
        return { kind: 'name', id: token.text, span }
      case 'op':
        if (token.text === '(') return this.parenthesized(token)
        if (token.text === '[') return this.listDisplay(token)
        if (token.text === '{') throw notSupported('dicts and sets', span)
        throw this.fail(token)
      default:
        throw this.fail(token)
    }
  }

  private strings(first: Token): Expr {
    // Adjacent literals concatenate ("a" "b" is "ab").
    const parts: FPart[] = []
    let span = this.span(first)
    let token: Token | null = first
    let hasF = false
    while (token) {
      if (token.fstring) {
        hasF = true
        parts.push(...this.fstringParts(token))
      } else parts.push(token.value ?? '')
      span = join(span, this.span(token))
      token = this.peek().kind === 'string' ? this.next() : null
    }
    if (!hasF) return { kind: 'str', value: parts.join(''), span }
    return { kind: 'fstr', parts, span }
  }

  private fstringParts(token: Token): FPart[] {
    const body = token.value ?? ''
    const quote = /['"]/.exec(token.text)!
    const triple = token.text.startsWith(quote[0].repeat(3), quote.index)
    const bodyOffset = this.span(token).start + quote.index + (triple ? 3 : 1)
    const parts: FPart[] = []
    let text = ''
    let i = 0
    while (i < body.length) {
      const c = body[i]!
      if (c === '{' && body[i + 1] === '{') {
        text += '{'
        i += 2
      } else if (c === '}' && body[i + 1] === '}') {
        text += '}'
        i += 2
      } else if (c === '{') {
        if (text) parts.push(unescapeText(text))
        text = ''
        let j = i + 1
        let nested = 0
        while (
          j < body.length &&
          !(nested === 0 && (body[j] === '}' || body[j] === ':' || body[j] === '!'))
        ) {
          if ('([{'.includes(body[j]!)) nested++
          if (')]}'.includes(body[j]!)) nested--
          j++
        }
        const exprText = body.slice(i + 1, j)
        if (body[j] === '!' && body[j + 1] === '=')
          throw notSupported("'!=' inside an f-string", {
            start: bodyOffset + j,
            end: bodyOffset + j + 2,
          })
        let conversion: 'r' | 's' | null = null
        if (body[j] === '!') {
          const letter = body[j + 1]
          if (letter !== 'r' && letter !== 's')
            throw notSupported('this f-string conversion', {
              start: bodyOffset + j,
              end: bodyOffset + j + 2,
            })
          conversion = letter
          j += 2
        }
        let spec = ''
        if (body[j] === ':') {
          const close = body.indexOf('}', j)
          if (close < 0)
            throw new PyError('SyntaxError', "f-string: expecting '}'", this.span(token))
          spec = body.slice(j + 1, close)
          j = close
        }
        if (body[j] !== '}')
          throw new PyError('SyntaxError', "f-string: expecting '}'", this.span(token))
        if (exprText.trim() === '')
          throw new PyError(
            'SyntaxError',
            'f-string: empty expression not allowed',
            this.span(token),
          )
        if (exprText.trimEnd().endsWith('='))
          throw notSupported("f-string '=' debugging", this.span(token))
        const inner = new Parser(tokenize(`(${exprText})`), bodyOffset + i)
        const expr = inner.expression()
        parts.push({ expr, spec, conversion })
        i = j + 1
      } else if (c === '}') {
        throw new PyError('SyntaxError', "f-string: single '}' is not allowed", this.span(token))
      } else {
        text += c
        i++
      }
    }
    if (text) parts.push(unescapeText(text))
    return parts
  }

  private parenthesized(open: Token): Expr {
    if (this.isOp(')')) {
      const close = this.next()
      return { kind: 'tuple', items: [], span: join(this.span(open), this.span(close)) }
    }
    const first = this.expression()
    if (this.isName('for')) throw notSupported('a generator expression', this.span(this.peek()))
    if (this.isOp(')')) {
      const close = this.next()
      void close
      return first
    }
    const items = [first]
    while (this.isOp(',')) {
      this.next()
      if (this.isOp(')')) break
      items.push(this.expression())
    }
    const close = this.expectOp(')')
    return { kind: 'tuple', items, span: join(this.span(open), this.span(close)) }
  }

  private listDisplay(open: Token): Expr {
    const items: Expr[] = []
    while (!this.isOp(']')) {
      items.push(this.expression())
      if (this.isName('for')) throw notSupported('a list comprehension', this.span(this.peek()))
      if (!this.isOp(',')) break
      this.next()
    }
    const close = this.expectOp(']')
    return { kind: 'list', items, span: join(this.span(open), this.span(close)) }
  }
}

function unescapeText(text: string): string {
  return text.replace(/\\(n|t|\\|'|")/g, (_, c: string) =>
    c === 'n' ? '\n' : c === 't' ? '\t' : c,
  )
}

export function parse(source: string): Stmt[] {
  return new Parser(tokenize(source)).module()
}
