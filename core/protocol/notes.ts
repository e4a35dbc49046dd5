import type { Span } from './diagnostics'

/**
 * Why a number autograd returned is a convention rather than a derivative. Defined once here; the core
 * computes them (core/notes/), the CLI prints them and the values panel shows them.
 * - `kink`: a relu, abs, min, max or clamp switches branch exactly at the point, and the one-sided
 *   derivatives differ: the derivative does not exist, autograd returns one branch's value (or their mean);
 * - `jump`: a step function (floor, ceil, round, sign, frac) jumps at the point: f is not continuous;
 * - `infinite-slope`: f is finite but its derivative is ±∞ (sqrt and x^(1/3) at 0);
 * - `pole`: f itself is ±∞ or undefined because a denominator is 0 (1/x at 0, log at 0);
 * - `outside-domain`: a function is applied outside its real domain (log of a negative): f is NaN.
 */
export const NOTE_CODES = ['kink', 'jump', 'infinite-slope', 'pole', 'outside-domain'] as const
export type NoteCode = (typeof NOTE_CODES)[number]

export interface Note {
  code: NoteCode
  /** The variable whose partial derivative the note is about. */
  variable: string
  /** One sentence, for next to the number. */
  message: string
  /** The whole explanation: the one-sided derivatives, what PyTorch returns and why. */
  detail: string
  /** The function responsible (`abs`, `max`, `sqrt`, `/`), where one is. */
  op?: string
  /** Where that function is in the expression. */
  span?: Span
  /** The one-sided derivatives ∂f/∂variable from the left and from the right (kink, infinite-slope). */
  left?: number
  right?: number
  /** What autograd returns there (the `.grad`). */
  pytorch?: number
}

/** A place along the plotted slice where f or f′ is not smooth (core/notes/along.ts). */
export interface SliceMark {
  code: 'kink' | 'jump' | 'pole'
  /** The position of the plotted variable, refined between the two samples that bracket it. */
  at: number
  /** The index of the sample that lands exactly on it, or null when it falls between two samples. */
  sample: number | null
  /** f there (a kink is continuous: the line keeps this point), NaN where f jumps or is infinite. */
  value: number
  /** At a kink: the one-sided slopes of the slice, for drawing the two tangent rays. */
  left?: number
  right?: number
  op?: string
}

/** Points of interest on the plotted slice (core/notes/interest.ts). */
export type InterestKind = 'minimum' | 'maximum' | 'critical' | 'zero' | 'inflection'
export interface InterestPoint {
  kind: InterestKind
  at: number
  value: number
}
