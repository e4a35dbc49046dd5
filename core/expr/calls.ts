import { MESSAGES, type Span } from '../protocol/diagnostics'
import type { FunctionName, Node } from './ast'
import type { Token } from './lexer'
import { arityOf, resolveName } from './names'
import { placeholder, replaceWith, startsValue, type TokenStream } from './token-stream'

/** Parses a full expression at the given binding power: the parser's entry point, passed in. */
export type ParseExpression = (minPower: number) => Node

interface KeywordArgument {
  name: Token
  value: Node
}

/** `name(args…)` at `(`; `fn` undefined when the name is unknown (the arguments are still checked). */
export function parseCall(
  stream: TokenStream,
  expression: ParseExpression,
  name: Token,
  fn: FunctionName | undefined,
): Node {
  const open = stream.advance()
  if (!stream.enter(open.span)) return placeholder(name.span)
  const errorsAtOpen = stream.diagnostics.length
  const args: Node[] = []
  const keywords: KeywordArgument[] = []
  const parseArgument = (): void => {
    const keyword = takeKeyword(stream)
    if (keyword) keywords.push({ name: keyword, value: expression(0) })
    else if (keywords.length > 0) {
      // Python's rule: positional arguments come before keyword ones.
      const node = expression(0)
      stream.report('unexpected-token', MESSAGES.positionalAfterKeyword(), node.span)
    } else args.push(expression(0))
  }
  if (stream.peek().kind !== 'rparen') {
    parseArgument()
    while (!stream.halted && stream.peek().kind === 'comma') {
      stream.advance()
      parseArgument()
    }
  }
  const errorsBeforeClose = stream.diagnostics.length
  const end = stream.expectClose(open, parseArgument)
  stream.leave()
  const span: Span = [name.span[0], end]
  if (!fn) return placeholder(span)
  if (keywords.length > 0) {
    // Once the arguments themselves are wrong, what they amount to is not worth a second message.
    if (stream.diagnostics.length > errorsAtOpen) return placeholder(span)
    if (!acceptKeywords(stream, name, fn, args, keywords, span)) return placeholder(span)
  }
  const arity = arityOf(fn)
  if (args.length !== arity && stream.diagnostics.length === errorsBeforeClose) {
    const expected = `${arity} argument${arity === 1 ? '' : 's'}`
    stream.report('wrong-arity', MESSAGES.wrongArity(name.text, expected, args.length), span)
  }
  return { kind: 'call', fn, args, span }
}

/** `min=` (a name, then `=`) at the cursor: consumes both and returns the name. */
function takeKeyword(stream: TokenStream): Token | undefined {
  const name = stream.peek()
  if (name.kind !== 'name' || stream.peek(1).kind !== 'equals') return undefined
  stream.advance()
  stream.advance()
  return name
}

/**
 * PyTorch's `torch.clamp(x, min=lo, max=hi)`: the keywords become the positional bounds. Only clamp
 * takes keywords, and only both together, since clamp(x, lo, hi) is the language's form; with one bound
 * the fix offers max(x, lo) or min(x, hi), which give the same values.
 */
function acceptKeywords(
  stream: TokenStream,
  name: Token,
  fn: FunctionName,
  args: Node[],
  keywords: KeywordArgument[],
  span: Span,
): boolean {
  const errorsBefore = stream.diagnostics.length
  const bounds: Partial<Record<'min' | 'max', Node>> = {}
  for (const keyword of keywords) {
    const text = keyword.name.text
    if (fn !== 'clamp' || (text !== 'min' && text !== 'max')) {
      stream.report('unexpected-token', MESSAGES.unknownKeyword(name.text, text), keyword.name.span)
    } else if (bounds[text]) {
      stream.report('unexpected-token', MESSAGES.repeatedKeyword(text), keyword.name.span)
    } else bounds[text] = keyword.value
  }
  if (stream.diagnostics.length > errorsBefore) return false
  const [x, ...others] = args
  if (!x || others.length > 0) {
    const given = args.length + keywords.length
    stream.report('wrong-arity', MESSAGES.wrongArity(name.text, '3 arguments', given), span)
    return false
  }
  if (bounds.min && bounds.max) {
    args.push(bounds.min, bounds.max)
    return true
  }
  const [other, bound] = bounds.min ? ['max', bounds.min] : ['min', bounds.max]
  const fix = bound && replaceWith(span, `${other}(${stream.textOf(x)}, ${stream.textOf(bound)})`)
  stream.report('wrong-arity', MESSAGES.clampNeedsBothBounds(name.text), span, fix)
  return false
}

/**
 * `sin x`: a known function without parentheses. The fix adds them when the argument is one simple
 * value that nothing else continues (`sin x + 1` → `sin(x) + 1`); otherwise what was meant is unclear.
 * Parsing goes on as if the call were written (its argument binding like a unary minus's), so later
 * problems are found too.
 */
export function parseMissingCall(
  stream: TokenStream,
  expression: ParseExpression,
  name: Token,
  fn: FunctionName,
  argumentPower: number,
): Node {
  const next = stream.peek()
  const afterNext = stream.peek(1)
  if (reportFunctionPower(stream, name)) return placeholder(name.span)
  const simpleArgument =
    (next.kind === 'number' ||
      (next.kind === 'name' && resolveName(next.text)?.kind !== 'function')) &&
    !startsValue(afterNext) &&
    !(afterNext.kind === 'operator' && afterNext.op === '^')
  const fix = simpleArgument
    ? replaceWith([name.span[0], next.span[1]], `${name.text}(${next.text})`)
    : undefined
  stream.report('missing-call', MESSAGES.missingCall(name.text), name.span, fix)
  if (startsValue(next) && stream.enter(name.span)) {
    const argument = expression(argumentPower)
    stream.leave()
    return { kind: 'call', fn, args: [argument], span: [name.span[0], argument.span[1]] }
  }
  return placeholder(name.span)
}

/**
 * `sin^2(x)`, the textbook way to write sin(x)². Reports it with the fix `sin(x)^2`; the caller goes on
 * parsing `^2(x)` as it stands. Returns false when the input is not of this shape.
 */
function reportFunctionPower(stream: TokenStream, name: Token): boolean {
  const [caret, power, open] = [stream.peek(), stream.peek(1), stream.peek(2)]
  if (caret.kind !== 'operator' || caret.op !== '^' || power.kind !== 'number') return false
  if (open.kind !== 'lparen') return false
  let depth = 0
  for (let i = stream.position + 2; i < stream.tokens.length; i++) {
    const token = stream.tokens[i]
    if (token?.kind === 'lparen') depth++
    if (token?.kind === 'rparen' && --depth === 0) {
      const argument = stream.source.slice(open.span[1], token.span[0])
      const replacement = `${name.text}(${argument})^${power.text}`
      const fix = replaceWith([name.span[0], token.span[1]], replacement)
      stream.report('missing-call', MESSAGES.functionPower(name.text, power.text), name.span, fix)
      return true
    }
  }
  return false
}

/**
 * `y = x^2` or `f(x) = x^2`: the learner wrote an equation. A definition of the function, as Desmos and
 * GeoGebra read it (`f(x) = …`, `g(t) = …`, `y = …`, `f = …`), is the function on its right side. Any
 * other left side (`x = 2`, `a = x^2`) is reported with a fix that removes it. Either way the cursor moves
 * to the right side, so its own problems are found too.
 */
export function skipAssignment(stream: TokenStream): void {
  const [first, second, third, fourth, fifth] = stream.tokens
  const simple = first?.kind === 'name' && second?.kind === 'equals'
  const definition =
    first?.kind === 'name' &&
    second?.kind === 'lparen' &&
    third?.kind === 'name' &&
    fourth?.kind === 'rparen' &&
    fifth?.kind === 'equals'
  const equals = simple ? second : definition ? fifth : undefined
  if (!first || !equals) return
  const rightSide = stream.tokens.indexOf(equals) + 1
  if (definition || first.text === 'y' || first.text === 'f') {
    stream.position = rightSide
    return
  }
  const target = stream.source.slice(first.span[0], equals.span[0]).trimEnd()
  const span: Span = [first.span[0], equals.span[1]]
  const removeUpTo = stream.tokens[rightSide]?.span[0] ?? span[1]
  const fix = { label: `Remove '${target} ='`, span: [0, removeUpTo] as Span, replacement: '' }
  stream.report('unexpected-token', MESSAGES.assignment(target), span, fix)
  stream.position = rightSide
}

/**
 * `d/dx x^2` or `d/dx(x^2)`: the learner asked for the derivative, which the app always shows. Reported
 * with a fix that removes `d/dx`, and the cursor moved past it so the function's own problems are found.
 */
export function skipDerivativeNotation(stream: TokenStream): void {
  const start = stream.position
  const [d, slash, dx] = stream.tokens.slice(start)
  const isDerivative =
    d?.kind === 'name' &&
    d.text === 'd' &&
    slash?.kind === 'operator' &&
    slash.op === '/' &&
    dx?.kind === 'name' &&
    /^d[A-Za-z]$/.test(dx.text)
  if (!isDerivative) return
  const next = stream.tokens[start + 3]
  const removeUpTo = next && next.kind !== 'end' ? next.span[0] : dx.span[1]
  const fix = {
    label: `Remove '${stream.source.slice(d.span[0], dx.span[1])}'`,
    span: [d.span[0], removeUpTo] as Span,
    replacement: '',
  }
  stream.report(
    'derivative-notation',
    MESSAGES.derivativeNotation(dx.text.slice(1)),
    [d.span[0], dx.span[1]],
    fix,
  )
  stream.position = start + 3
}
