import { LIMITS } from '../protocol/limits'
import { PyError, type Span } from './errors'

/**
 * Python's tokens for the notebook's subset (the Python Language Reference, §2 Lexical analysis): names,
 * numbers, strings and f-strings, operators, NEWLINE, and INDENT/DEDENT from the indentation stack.
 * Newlines inside brackets join lines (implicit line joining), a backslash at the end of a line joins too,
 * and comments run to the end of the line.
 */
export type TokenKind =
  'name' | 'int' | 'float' | 'string' | 'op' | 'newline' | 'indent' | 'dedent' | 'eof'

export interface Token {
  kind: TokenKind
  text: string
  /** A string's value (escapes applied); an f-string keeps its raw body for the parser. */
  value?: string
  fstring?: boolean
  span: Span
}

const OPERATORS = [
  '**=',
  '//=',
  '->',
  '**',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  ':=',
  '+',
  '-',
  '*',
  '/',
  '%',
  '<',
  '>',
  '=',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ',',
  ':',
  '.',
  ';',
  '@',
  '&',
  '|',
  '^',
  '~',
]

const STRING_START = /([rRfFbBuU]{1,2})?(['"])/y
const NUMBER =
  /(?:0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO][0-7_]+|(?:\d[\d_]*)?\.?\d*[\d_]*(?:[eE][+-]?\d+)?)j?/y

const isNameStart = (c: string): boolean => /[A-Za-z_]/.test(c)
const isNameChar = (c: string): boolean => /[A-Za-z0-9_]/.test(c)
const isDigit = (c: string): boolean => c >= '0' && c <= '9'

const syntaxError = (message: string, start: number, end = start + 1): PyError =>
  new PyError('SyntaxError', message, { start, end })

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '0': '\0',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
  '\n': '',
}

function unescape(body: string): string {
  let out = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (c !== '\\' || i + 1 >= body.length) {
      out += c
      continue
    }
    const next = body[i + 1]!
    const mapped = ESCAPES[next]
    if (mapped !== undefined) {
      out += mapped
      i++
    } else out += c
  }
  return out
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = []
  const indents = [0]
  let depth = 0
  let i = 0
  let atLineStart = true
  const n = source.length
  const push = (kind: TokenKind, start: number, end: number, extra: Partial<Token> = {}) =>
    tokens.push({ kind, text: source.slice(start, end), span: { start, end }, ...extra })

  while (i < n) {
    if (atLineStart && depth === 0) {
      // Measure this line's indentation; blank and comment-only lines do not count.
      let width = 0
      let j = i
      while (j < n && (source[j] === ' ' || source[j] === '\t')) {
        width += source[j] === '\t' ? 8 - (width % 8) : 1
        j++
      }
      if (j >= n || source[j] === '\n' || source[j] === '#' || source[j] === '\r') {
        while (j < n && source[j] !== '\n') j++
        i = j + 1
        continue
      }
      atLineStart = false
      const current = indents[indents.length - 1]!
      if (width > current) {
        indents.push(width)
        push('indent', i, j)
      } else {
        while (width < indents[indents.length - 1]!) {
          indents.pop()
          push('dedent', j, j)
        }
        if (width !== indents[indents.length - 1]) {
          throw new PyError(
            'IndentationError',
            'unindent does not match any outer indentation level',
            { start: i, end: j },
          )
        }
      }
      i = j
      continue
    }
    atLineStart = false
    const c = source[i]!
    if (c === ' ' || c === '\t' || c === '\r' || c === '\f') {
      i++
      continue
    }
    if (c === '#') {
      while (i < n && source[i] !== '\n') i++
      continue
    }
    if (c === '\\' && source[i + 1] === '\n') {
      i += 2
      continue
    }
    if (c === '\n') {
      if (depth === 0) {
        const last = tokens[tokens.length - 1]
        if (last && last.kind !== 'newline' && last.kind !== 'indent' && last.kind !== 'dedent')
          push('newline', i, i + 1)
        atLineStart = true
      }
      i++
      continue
    }
    // Strings, with an optional prefix: f, r, b, u (and rf / fr).
    // Sticky regexes read at i without copying the rest of the source (a long cell stays linear).
    STRING_START.lastIndex = i
    const prefixMatch =
      c === '"' || c === "'" || /[rRfFbBuU]/.test(c) ? STRING_START.exec(source) : null
    if (
      prefixMatch &&
      (prefixMatch[1] === undefined || /^(f|r|u|b|rf|fr)$/i.test(prefixMatch[1]))
    ) {
      const prefix = (prefixMatch[1] ?? '').toLowerCase()
      if (prefix.includes('b')) throw syntaxError('bytes literals are not supported', i)
      const quote = prefixMatch[2]!
      const start = i
      let j = i + prefix.length
      const triple = source.startsWith(quote.repeat(3), j)
      const close = triple ? quote.repeat(3) : quote
      j += close.length
      const bodyStart = j
      while (j < n && !source.startsWith(close, j)) {
        if (source[j] === '\\') j++
        else if (source[j] === '\n' && !triple)
          throw syntaxError('unterminated string literal (detected at line 1)', start)
        j++
      }
      if (j >= n) throw syntaxError('unterminated string literal (detected at line 1)', start)
      const body = source.slice(bodyStart, j)
      j += close.length
      const raw = prefix.includes('r')
      const fstring = prefix.includes('f')
      push('string', start, j, { value: fstring || raw ? body : unescape(body), fstring })
      i = j
      continue
    }
    if (isNameStart(c)) {
      let j = i + 1
      while (j < n && isNameChar(source[j]!)) j++
      push('name', i, j)
      i = j
      continue
    }
    if (isDigit(c) || (c === '.' && isDigit(source[i + 1] ?? ''))) {
      NUMBER.lastIndex = i
      const match = NUMBER.exec(source)!
      const text = match[0]
      if (text.endsWith('j'))
        throw new PyError(
          'NotSupportedError',
          'complex numbers are not supported in this notebook',
          { start: i, end: i + text.length },
        )
      const isFloat = !/^0[xXbBoO]/.test(text) && /[.eE]/.test(text)
      push(isFloat ? 'float' : 'int', i, i + text.length)
      i += text.length
      continue
    }
    const op = OPERATORS.find((candidate) => source.startsWith(candidate, i))
    if (op) {
      if (op === '(' || op === '[' || op === '{') {
        depth++
        if (depth > LIMITS.notebook.nestingDepth)
          throw new PyError('SyntaxError', 'too many nested parentheses', { start: i, end: i + 1 })
      } else if (op === ')' || op === ']' || op === '}') {
        if (depth === 0) throw syntaxError(`unmatched '${op}'`, i)
        depth--
      }
      push('op', i, i + op.length)
      i += op.length
      continue
    }
    throw syntaxError(
      `invalid character '${c}' (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`,
      i,
    )
  }
  if (depth > 0) {
    const open = [...tokens].reverse().find((t) => t.kind === 'op' && '([{'.includes(t.text))
    throw syntaxError(`'${open?.text ?? '('}' was never closed`, open?.span.start ?? n)
  }
  const last = tokens[tokens.length - 1]
  if (last && last.kind !== 'newline' && last.kind !== 'dedent') push('newline', n, n)
  while (indents.length > 1) {
    indents.pop()
    push('dedent', n, n)
  }
  push('eof', n, n)
  return tokens
}
