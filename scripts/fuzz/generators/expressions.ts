import fc from 'fast-check'
import { LIMITS } from '../../../core/protocol/limits'
import { UNARY_FUNCTIONS } from '../../../core/expr/ast'

/**
 * Expression text as a learner (or a script typing into the box) can produce it: grammar-aware, so most
 * inputs reach deep into the parser and the engine, and pushed to every limit the language has — the
 * length (1,000 characters), the nesting (100), long unary chains, towers of powers, numbers that
 * overflow or underflow, every spelling of a name, and unicode that looks like the language but is not.
 */

const VARIABLES = ['x', 'u', 'v', 'y', 'z', 'a', 't', 'X']
const BINARY = ['+', '-', '*', '/', '^', '**', ' + ', ' * ', '']
const PREFIXES = ['', 'torch.', 'F.', 'math.', 'np.']
const NAMES = [...UNARY_FUNCTIONS, 'ln', 'min', 'max', 'clamp', 'sinn', 'uv', 'pi', 'π', 'e', 'inf']

const numberText = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: 0 }).map(String),
  fc.constantFrom(
    '0',
    '.5',
    '5.',
    '1e308',
    '1e309',
    '1e-324',
    '9'.repeat(400),
    '0.' + '0'.repeat(400) + '1',
    '1e',
    '1e+',
    '1.2.3',
    '0x10',
    '1_000',
    'NaN',
    'Infinity',
    '2.5e-3',
  ),
)

const atom = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VARIABLES) },
  { weight: 3, arbitrary: numberText },
  { weight: 1, arbitrary: fc.constantFrom('pi', 'π', 'e', 'E', 'PI') },
)

/** Well-formed (mostly) expressions from the grammar, as text. */
const grammatical: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', maxDepth: 6 },
    atom,
    fc.tuple(tie('expr'), fc.constantFrom(...BINARY), tie('expr')).map(([a, op, b]) => a + op + b),
    tie('expr').map((a) => `-${a}`),
    tie('expr').map((a) => `(${a})`),
    fc
      .tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...NAMES), tie('expr'))
      .map(([prefix, name, a]) => `${prefix}${name}(${a})`),
    fc
      .tuple(fc.constantFrom('min', 'max', 'clamp'), fc.array(tie('expr'), { maxLength: 4 }))
      .map(([name, args]) => `${name}(${args.join(',')})`),
    fc.tuple(numberText, tie('expr')).map(([n, a]) => `${n}${a}`),
  ),
})).expr

const repeatTo = (unit: string, length: number) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length)

/** Inputs at and just past each limit of the language. */
const nearLimits: fc.Arbitrary<string> = fc.oneof(
  // Length: sums of x filling the box to 998–1002 characters.
  fc
    .integer({ min: LIMITS.expressionLength - 3, max: LIMITS.expressionLength + 2 })
    .map((length) => repeatTo('x+', length).replace(/\+$/, 'x')),
  fc
    .tuple(
      fc.constantFrom('x*', 'sin(x)+', '2x+', 'x^2-', '(x)+'),
      fc.integer({ min: 900, max: 1001 }),
    )
    .map(([unit, length]) => repeatTo(unit, length).replace(/[+*^-]$/, '')),
  // Nesting: parentheses, calls and unary minus around x, 95–105 deep.
  fc
    .integer({ min: LIMITS.nestingDepth - 5, max: LIMITS.nestingDepth + 5 })
    .map((depth) => '('.repeat(depth) + 'x' + ')'.repeat(depth)),
  fc
    .tuple(fc.constantFrom('sin', 'exp', 'abs', 'torch.tanh'), fc.integer({ min: 95, max: 105 }))
    .map(([fn, depth]) => `${fn}(`.repeat(depth) + 'x' + ')'.repeat(depth)),
  fc
    .tuple(fc.constantFrom('-', '- ', '-(', '+'), fc.integer({ min: 1, max: 400 }))
    .map(([unit, count]) => unit.repeat(count) + 'x' + (unit === '-(' ? ')'.repeat(count) : '')),
  // Towers and chains of powers (right-associative), the costliest input per character.
  fc
    .tuple(fc.constantFrom('x^', 'x**', '2^', 'x^-'), fc.integer({ min: 1, max: 333 }))
    .map(([unit, count]) => unit.repeat(count) + 'x'),
  // Unclosed and unmatched groups at depth.
  fc.integer({ min: 1, max: 500 }).map((depth) => '('.repeat(depth) + 'x'),
  fc.integer({ min: 1, max: 500 }).map((depth) => 'x' + ')'.repeat(depth)),
)

/** Characters that look like the language and are not, and text from everywhere else. */
const lookalikes = fc.constantFrom(
  '−', // minus sign
  '×',
  '÷',
  '²',
  '½',
  '⁻¹',
  '𝑥',
  'ｘ',
  '１',
  '٣',
  '\u200b',
  '\u00a0',
  '\u202e',
  '\u0301',
  '\ud800',
  '\udfff',
  '😀',
  '\u0000',
  '\n',
  '\t',
  'ß',
  'İ',
)
const unicodeText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc
    .array(fc.oneof(lookalikes, atom, fc.constantFrom(...BINARY), fc.constantFrom('(', ')', ',')), {
      maxLength: 30,
    })
    .map((parts) => parts.join('')),
)

/** A valid expression damaged: a character inserted, removed or replaced somewhere. */
const mutated = fc
  .tuple(
    grammatical,
    fc.array(
      fc.tuple(
        fc.constantFrom('insert', 'delete', 'replace'),
        fc.nat(),
        fc.oneof(lookalikes, fc.constantFrom('(', ')', ',', '.', 'e', '^', '*', '-', ' ', '1e308')),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  )
  .map(([text, edits]) => {
    let out = text
    for (const [kind, at, piece] of edits) {
      const i = out.length === 0 ? 0 : at % (out.length + 1)
      if (kind === 'insert') out = out.slice(0, i) + piece + out.slice(i)
      else if (kind === 'delete') out = out.slice(0, i) + out.slice(i + 1)
      else out = out.slice(0, i) + piece + out.slice(i + piece.length)
    }
    return out
  })

/**
 * Expression text; `limitWeight` is how often (in 40) an input sits at a limit. Those cost the engine
 * 10–50 ms each at 1,000 characters, so the entry that evaluates keeps them rarer than the one that parses.
 */
export const expressionText = (limitWeight: number): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 24 - limitWeight, arbitrary: grammatical },
    { weight: limitWeight, arbitrary: nearLimits },
    { weight: 10, arbitrary: mutated },
    { weight: 6, arbitrary: unicodeText },
  )

/** Slider values: ordinary, awkward (0, ±1, the poles of log and 1/x) and extreme but finite. */
export const sliderValue = (): fc.Arbitrary<number> =>
  fc.oneof(
    fc.double({ min: -10, max: 10, noNaN: true }),
    fc.constantFrom(0, -0, 1, -1, 0.5, 1e-300, 5e-324, 1e308, -1e308, Number.MAX_VALUE, 2 ** 53),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
  )

/** How deep the parentheses of a text go: a floor under the parser's own nesting count. */
export function parenthesisDepth(text: string): number {
  let depth = 0
  let deepest = 0
  for (const char of text) {
    if (char === '(') deepest = Math.max(deepest, ++depth)
    else if (char === ')') depth = Math.max(0, depth - 1)
  }
  return deepest
}
