import { diagnostic, MESSAGES, type Diagnostic, type Span } from '../protocol/diagnostics'
import { resolveName } from './names'

/** The operators after normalisation: `**` is `^`, and the typographic signs − × · ÷ are their ASCII twins. */
export type OperatorSymbol = '+' | '-' | '*' | '/' | '^'

export type Token =
  | { kind: 'number'; value: number; text: string; span: Span }
  | { kind: 'name'; text: string; span: Span }
  | { kind: 'operator'; op: OperatorSymbol; text: string; span: Span }
  /** `=` only appears in keyword arguments (`torch.clamp(x, min=0, max=1)`) and in `y = …` by mistake. */
  | { kind: 'lparen' | 'rparen' | 'comma' | 'equals'; text: string; span: Span }
  /** `|`, which opens or closes an absolute value `|x|`. */
  | { kind: 'bar'; text: string; span: Span }
  /** Characters the lexer already reported; the parser treats them as a placeholder value. */
  | { kind: 'invalid'; text: string; span: Span }
  | { kind: 'end'; text: ''; span: Span }

const SINGLE_CHAR_OPERATORS: Readonly<Record<string, OperatorSymbol>> = {
  '+': '+',
  '-': '-',
  '\u2212': '-', // − minus sign
  '*': '*',
  '\u00d7': '*', // ×
  '\u00b7': '*', // · middle dot
  '\u22c5': '*', // ⋅ dot operator
  '/': '/',
  '\u00f7': '/', // ÷
  '^': '^',
}

/** Superscript digits and minus, as `x²` and `x⁻¹` are typed or pasted: a power. */
const SUPERSCRIPTS: Readonly<Record<string, string>> = {
  '\u2070': '0',
  '\u00b9': '1',
  '\u00b2': '2',
  '\u00b3': '3',
  '\u2074': '4',
  '\u2075': '5',
  '\u2076': '6',
  '\u2077': '7',
  '\u2078': '8',
  '\u2079': '9',
}
const SUPERSCRIPT_MINUS = '\u207b'
const isSuperscript = (c: string | undefined): boolean =>
  c !== undefined && (c in SUPERSCRIPTS || c === SUPERSCRIPT_MINUS)

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9'
const isLetter = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c)
const isSpace = (c: string | undefined): boolean => c !== undefined && /^\s$/.test(c)

/** Splits the input into tokens. Never throws; unknown characters become diagnostics and `invalid` tokens. */
export function tokenize(source: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const tokens: Token[] = []
  const diagnostics: Diagnostic[] = []
  let i = 0
  while (i < source.length) {
    const c = source[i]
    if (isSpace(c)) {
      i++
    } else if (isDigit(c) || (c === '.' && isDigit(source[i + 1]))) {
      const end = scanNumber(source, i)
      const text = source.slice(i, end)
      const value = Number(text)
      const span: Span = [i, end]
      if (!Number.isFinite(value)) {
        diagnostics.push(diagnostic('invalid-number', MESSAGES.invalidNumber(text), span))
        tokens.push({ kind: 'invalid', text, span })
      } else {
        tokens.push({ kind: 'number', value, text, span })
      }
      i = end
    } else if (isLetter(c)) {
      const end = scanName(source, i)
      tokens.push({ kind: 'name', text: source.slice(i, end), span: [i, end] })
      i = end
    } else if (c === '\u03c0') {
      tokens.push({ kind: 'name', text: c, span: [i, i + 1] })
      i++
    } else if (c === '*' && source[i + 1] === '*') {
      tokens.push({ kind: 'operator', op: '^', text: '**', span: [i, i + 2] })
      i += 2
    } else if (c !== undefined && SINGLE_CHAR_OPERATORS[c]) {
      tokens.push({ kind: 'operator', op: SINGLE_CHAR_OPERATORS[c], text: c, span: [i, i + 1] })
      i++
    } else if (isSuperscript(c)) {
      i = scanSuperscript(source, i, tokens, diagnostics)
    } else if (c === '|') {
      tokens.push({ kind: 'bar', text: c, span: [i, i + 1] })
      i++
    } else if (c === '(' || c === ')' || c === ',' || c === '=') {
      const kind = c === '(' ? 'lparen' : c === ')' ? 'rparen' : c === ',' ? 'comma' : 'equals'
      tokens.push({ kind, text: c, span: [i, i + 1] })
      i++
    } else {
      // One whole code point, so an emoji is quoted and underlined whole rather than half a surrogate pair.
      const char = String.fromCodePoint(source.codePointAt(i) ?? 0xfffd)
      const span: Span = [i, i + char.length]
      diagnostics.push(diagnostic('unexpected-character', MESSAGES.unexpectedCharacter(char), span))
      tokens.push({ kind: 'invalid', text: char, span })
      i += char.length
    }
  }
  tokens.push({ kind: 'end', text: '', span: [source.length, source.length] })
  return { tokens, diagnostics }
}

/**
 * A run of superscripts, `²` or `⁻¹`, read as `^2` or `^-1`: the power operator (spanning the run) then
 * the exponent's tokens. A run with no digit (a lone `⁻`) is an unexpected character.
 */
function scanSuperscript(
  source: string,
  start: number,
  tokens: Token[],
  diagnostics: Diagnostic[],
): number {
  let end = start
  while (isSuperscript(source[end])) end++
  const run = source.slice(start, end)
  const minus = run.startsWith(SUPERSCRIPT_MINUS)
  const digits = [...run.slice(minus ? 1 : 0)].map((c) => SUPERSCRIPTS[c])
  const span: Span = [start, end]
  if (digits.length === 0 || digits.includes(undefined)) {
    diagnostics.push(diagnostic('unexpected-character', MESSAGES.unexpectedCharacter(run), span))
    tokens.push({ kind: 'invalid', text: run, span })
    return end
  }
  tokens.push({ kind: 'operator', op: '^', text: run, span })
  if (minus) tokens.push({ kind: 'operator', op: '-', text: run, span })
  const text = digits.join('')
  tokens.push({ kind: 'number', value: Number(text), text, span })
  return end
}

/**
 * A number: digits with at most one decimal point, then an optional exponent. A run with a second point
 * (`1.2.3`) is scanned whole so it is reported as one invalid number. `2e` without exponent digits stops
 * before the `e`, which is then Euler's number: `2e` is 2·e.
 */
function scanNumber(source: string, start: number): number {
  let i = start
  while (isDigit(source[i]) || source[i] === '.') i++
  if (source[i] === 'e' || source[i] === 'E') {
    const sign = source[i + 1] === '+' || source[i + 1] === '-' ? 1 : 0
    if (isDigit(source[i + 1 + sign])) {
      i += 1 + sign
      while (isDigit(source[i])) i++
    }
  }
  return i
}

/**
 * A name: letters, optionally dotted (`torch.sin`, `F.relu`, `torch.nn.functional.softplus`). Digits,
 * with any letters after them, are part of a name only when they complete a known one (`log2`, `log10`,
 * `torch.log10`, `log1p`, `expm1`); otherwise `x2` is the name `x` followed by the number 2.
 */
function scanName(source: string, start: number): number {
  let i = start
  while (isLetter(source[i])) i++
  while (source[i] === '.' && isLetter(source[i + 1])) {
    i++
    while (isLetter(source[i])) i++
  }
  let digitsEnd = i
  while (isDigit(source[digitsEnd])) digitsEnd++
  if (digitsEnd === i) return i
  let lettersEnd = digitsEnd
  while (isLetter(source[lettersEnd])) lettersEnd++
  if (lettersEnd > digitsEnd && resolveName(source.slice(start, lettersEnd))) return lettersEnd
  if (resolveName(source.slice(start, digitsEnd))) return digitsEnd
  return i
}
