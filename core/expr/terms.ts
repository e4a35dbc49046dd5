import type { Span } from '../protocol/diagnostics'
import type { Node } from './ast'
import { printExpression } from './print'

/**
 * The normal form simplify works in: a sum of terms, each a rational coefficient times a product of
 * factors `base^exponent`. `3x^2*sin(x)/2` is one term {3/2, [x^2, sin(x)]}.
 */
export interface Rational {
  n: number
  /** Positive. */
  d: number
}

export interface Factor {
  base: Node
  exponent: Node
  /** Stands for the base's canonical text: factors with the same id multiply by adding exponents. */
  id: number
}

export interface Term {
  coefficient: Rational
  factors: Factor[]
}

const gcd = (a: number, b: number): number => (b === 0 ? Math.abs(a) : gcd(b, a % b))

/** Keeps exact fractions while both parts are safe integers; otherwise falls back to one float. */
export function rational(n: number, d = 1): Rational {
  if (d < 0) return rational(-n, -d)
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d) && d !== 0) {
    const divisor = gcd(n, d) || 1
    return { n: n / divisor, d: d / divisor }
  }
  return { n: n / d, d: 1 }
}

export const ZERO = rational(0)
export const ONE = rational(1)

export const times = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d)
export const plus = (a: Rational, b: Rational): Rational =>
  rational(a.n * b.d + b.n * a.d, a.d * b.d)
export const negated = (a: Rational): Rational => ({ n: -a.n, d: a.d })
export const isZero = (a: Rational): boolean => a.n === 0
export const isOne = (a: Rational): boolean => a.n === 1 && a.d === 1

/** a^k for an integer k; undefined when the result is not a finite number (0^-1, 10^400). */
export function raised(a: Rational, k: number): Rational | undefined {
  if (k < 0) {
    if (a.n === 0) return undefined
    return raised(rational(a.d, a.n), -k)
  }
  const n = a.n ** k
  const d = a.d ** k
  if (!Number.isFinite(n) || !Number.isFinite(d)) return undefined
  return rational(n, d)
}

export function factor(base: Node, exponent: Node): Factor {
  return { base, exponent, id: textId(printExpression(base)) }
}

/**
 * Small numbers standing for canonical texts, so comparing two factors, or keying a term, does not
 * compare or copy long strings (a derivative of a power tower repeats the tower in every factor).
 * Bounded: past the cap the table starts over, and ids keep counting up, so an id is never reused for
 * another text; a text seen before the reset merely gets a second id (a like term left uncollected).
 */
const textIds = new Map<string, number>()
let nextTextId = 0
const TEXT_ID_CAP = 100_000

function textId(text: string): number {
  const known = textIds.get(text)
  if (known !== undefined) return known
  if (textIds.size >= TEXT_ID_CAP) textIds.clear()
  textIds.set(text, nextTextId)
  return nextTextId++
}

/** A term's identity for collecting like terms: its factors, in any order. */
export function termKey(term: Term): string {
  return term.factors
    .map((f) => `${f.id}^${textId(printExpression(f.exponent))}`)
    .sort()
    .join('*')
}

export function numberNode(value: number, span: Span): Node {
  return { kind: 'number', value, span }
}

/** A number for display: the sign as a negation (so the text re-parses to the same tree). */
export function signedNumber(value: number, span: Span): Node {
  return value < 0
    ? { kind: 'neg', operand: numberNode(-value, span), span }
    : numberNode(value, span)
}

/** The value of a number or a negated number, as simplify leaves them. */
export function numericValue(node: Node): number | undefined {
  if (node.kind === 'number') return node.value
  if (node.kind === 'neg' && node.operand.kind === 'number') return -node.operand.value
  return undefined
}
