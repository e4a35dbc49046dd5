/**
 * Every error the app can show is a Diagnostic: a stable code, a sentence for a person, and the span of the
 * input it is about. Modelled on TypeScript's diagnosticMessages.json: one table of codes, messages built by
 * small functions so tests can pin the exact text.
 */

/** Half-open character range [start, end) in the input the diagnostic is about. */
export type Span = [start: number, end: number]

/** A one-click fix: replace `span` of the input with `replacement`. */
export interface DiagnosticFix {
  label: string
  span: Span
  replacement: string
}

export interface Diagnostic {
  code: DiagnosticCode
  message: string
  span: Span
  fix?: DiagnosticFix
}

export const DIAGNOSTIC_CODES = [
  // expression language
  'empty-expression',
  'expression-too-long',
  'nesting-too-deep',
  'unexpected-character',
  'invalid-number',
  'unexpected-token',
  'unexpected-end',
  'missing-operand',
  'unclosed-parenthesis',
  'unmatched-parenthesis',
  'unknown-function',
  'unknown-name',
  'missing-call',
  'wrong-arity',
  'derivative-notation',
  // evaluation
  'missing-variable',
  'too-many-samples',
  'second-derivative-too-large',
  // the notebook's graph view: a name with no tensor, or a graph too large to draw
  'no-graph',
  // untrusted requests
  'invalid-request',
  // the process around the core
  'timeout',
  'worker-crashed',
  'cancelled',
  // files the app reads or writes (main's export and open)
  'file-problem',
  'internal',
] as const

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number]

export function diagnostic(
  code: DiagnosticCode,
  message: string,
  span: Span,
  fix?: DiagnosticFix,
): Diagnostic {
  return fix ? { code, message, span, fix } : { code, message, span }
}

/** A diagnostic about the request or the process rather than a place in the expression. */
export function requestDiagnostic(code: DiagnosticCode, message: string): Diagnostic {
  return { code, message, span: [0, 0] }
}

/** The sentences, one per situation. Quote what the learner typed; say what was expected. */
export const MESSAGES = {
  emptyExpression: () => 'Type a function, for example x^2 + 2x + 1.',
  expressionTooLong: (length: number, limit: number) =>
    `The expression is ${length} characters long; the limit is ${limit}.`,
  nestingTooDeep: (limit: number) => `The expression is nested more than ${limit} levels deep.`,
  unexpectedCharacter: (char: string) => `Unexpected character '${char}'.`,
  invalidNumber: (text: string) => `'${text}' is not a valid number.`,
  unexpectedToken: (found: string, expected: string) =>
    `Expected ${expected} but found '${found}'.`,
  unexpectedEnd: (expected: string) => `The expression ends too early: expected ${expected}.`,
  missingOperand: (operator: string) => `'${operator}' is missing a value on its right.`,
  unclosedParenthesis: () => "This '(' is never closed.",
  unmatchedParenthesis: () => "This ')' has no matching '('.",
  unknownFunction: (name: string, suggestion?: string, known: readonly string[] = []) =>
    suggestion
      ? `Unknown function '${name}' — did you mean '${suggestion}'?`
      : `Unknown function '${name}'.` +
        (known.length > 0 ? ` The functions are ${known.join(', ')} (see Syntax help).` : ''),
  derivativeNotation: (variable: string) =>
    `No need to write d/d${variable}: type only the function; the derivative is shown below.`,
  unclosedBar: () => "This '|' is never closed.",
  unknownName: (name: string, suggestion?: string) =>
    suggestion
      ? `Unknown name '${name}' — did you mean '${suggestion}'? Variables are single letters.`
      : `Unknown name '${name}'. Variables are single letters.`,
  missingCall: (name: string) => `'${name}' is a function: write ${name}(…).`,
  functionPower: (name: string, power: string) =>
    `Write the power after the call: ${name}(…)^${power}.`,
  wrongArity: (name: string, expected: string, found: number) =>
    `${name}() takes ${expected}, but ${found} ${found === 1 ? 'was' : 'were'} given.`,
  assignment: (target: string) =>
    `Type only the right-hand side: the app names the function itself, so remove '${target} ='.`,
  unknownKeyword: (fn: string, keyword: string) => `${fn}() has no argument named '${keyword}'.`,
  repeatedKeyword: (keyword: string) => `The argument '${keyword}' is given twice.`,
  positionalAfterKeyword: () => 'A positional argument cannot follow a keyword argument.',
  clampNeedsBothBounds: (fn: string) =>
    `${fn}() needs both bounds here; for one bound use max(x, lo) or min(x, hi).`,
  missingVariable: (name: string) => `No value given for the variable '${name}'.`,
  tooManySamples: (samples: number, most: number) =>
    `This function is too large to sample ${samples} times: use at most ${most} samples, or a shorter function.`,
  secondDerivativeTooLarge: (samples: number, most: number, mostWithout: number) =>
    `f″ is too large for this expression at ${samples} samples: use at most ${most} samples, or turn f″ off` +
    (samples > mostWithout ? ` and use at most ${mostWithout} samples.` : '.'),
  invalidRequest: (field: string, problem: string) => `Invalid request: '${field}' ${problem}.`,
  timeout: (ms: number) =>
    `The calculation took longer than ${ms / 1000} s and was stopped. Try fewer samples or a simpler function.`,
  workerCrashed: () => 'The calculation engine stopped unexpectedly; it has been restarted.',
  cancelled: () => 'A newer request replaced this one.',
  appClosing: () => 'The app is closing; the calculation was stopped.',
  /** A file that cannot be read or written, said as what happened: "notes.png is not a PNG image." */
  fileProblem: (what: string) => `${what.charAt(0).toUpperCase()}${what.slice(1)}.`,
  internal: (what: string) => `Internal error: ${what}.`,
} as const
