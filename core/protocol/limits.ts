/** The limits every untrusted input is held to, in one place. */
export const LIMITS = {
  /** Longest expression a learner may type. */
  expressionLength: 1000,
  /** Deepest nesting of parentheses, calls and unary operators the parser accepts. */
  nestingDepth: 100,
  /** Fewest and most sample points across a plotted domain. */
  minSamples: 2,
  maxSamples: 200_000,
  /** Most samples the CLI's `plot --samples` draws as separate points (the lab's linspace). */
  maxPointSamples: 10_000,
  /** Most variables one request may carry in `point`. */
  maxVariables: 52,
  /** Longest formula sent for display; a longer one (x^x^x… differentiated) is replaced by a note. */
  displayLatexLength: 4000,
  /** A request that runs longer than this is cut, and its worker replaced. */
  requestDeadlineMs: 2000,
  /** Largest PNG the renderer may hand to the main process to save. */
  maxPngBytes: 32 * 1024 * 1024,
} as const
