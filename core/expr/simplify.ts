import type { Span } from '../protocol/diagnostics'
import type { Node } from './ast'
import { foldCall } from './fold'
import {
  factor,
  isOne,
  isZero,
  negated,
  numberNode,
  numericValue,
  ONE,
  plus,
  raised,
  rational,
  signedNumber,
  termKey,
  times,
  ZERO,
  type Factor,
  type Term,
} from './terms'

/**
 * Rewrites an expression the way a person would write it: numbers folded, 0 and 1 identities applied,
 * like factors multiplied into powers (`x*x` → `x^2`), like terms collected (`x + x` → `2*x`), signs
 * folded (`a + -b` → `a - b`, `--x` → `x`), constants first in a product (`2*x*cos(x^2)`).
 * Terms keep the order they first appear in, with a plain number last (`2*x + 2`).
 * Sums inside products are not expanded: `2*(x + 1)` stays as written.
 *
 * The result has the same value wherever the input is defined; it may be defined where the input is
 * not (`x/x` → `1`). Display only: the app's numbers come from autograd, never from this.
 */
export function simplify(node: Node): Node {
  // Derivatives share subtrees (the chain rule reuses f and g), and simplify re-enters its own output;
  // remembering results by identity keeps the work proportional to the distinct nodes.
  const known = simplified.get(node)
  if (known) return known
  const result = simplifyOnce(node)
  simplified.set(node, result)
  simplified.set(result, result)
  return result
}

const simplified = new WeakMap<Node, Node>()
const terms = new WeakMap<Node, Term>()

function simplifyOnce(node: Node): Node {
  switch (node.kind) {
    case 'number':
    case 'constant':
    case 'variable':
      return node
    case 'call': {
      const call = { ...node, args: node.args.map(simplify) }
      return foldCall(call) ?? call
    }
    case 'neg':
      return buildSum(negatedSum(sumOf(simplify(node.operand))), node.span)
    case 'binary': {
      const left = simplify(node.left)
      const right = simplify(node.right)
      switch (node.op) {
        case 'add':
          return buildSum([...sumOf(left), ...sumOf(right)], node.span)
        case 'sub':
          return buildSum([...sumOf(left), ...negatedSum(sumOf(right))], node.span)
        case 'mul':
          return buildSum([multiply(termOf(left), termOf(right))], node.span)
        case 'div': {
          const inverse = reciprocal(termOf(right))
          if (!inverse) return { ...node, left, right }
          return buildSum([multiply(termOf(left), inverse)], node.span)
        }
        case 'pow': {
          const term = power(left, right)
          return term ? buildSum([term], node.span) : { ...node, left, right }
        }
      }
    }
  }
}

/** The terms of an already simplified expression. */
function sumOf(node: Node): Term[] {
  if (node.kind === 'binary' && node.op === 'add')
    return [...sumOf(node.left), ...sumOf(node.right)]
  if (node.kind === 'binary' && node.op === 'sub') {
    return [...sumOf(node.left), ...negatedSum(sumOf(node.right))]
  }
  if (node.kind === 'neg') return negatedSum(sumOf(node.operand))
  return [termOf(node)]
}

function negatedSum(terms: Term[]): Term[] {
  return terms.map((t) => ({ ...t, coefficient: negated(t.coefficient) }))
}

/** An already simplified expression as one term; a sum of several terms becomes a single factor. */
function termOf(node: Node): Term {
  const known = terms.get(node)
  if (known) return known
  const term = termOfOnce(node)
  terms.set(node, term)
  return term
}

function termOfOnce(node: Node): Term {
  switch (node.kind) {
    case 'number':
      return { coefficient: rational(node.value), factors: [] }
    case 'neg': {
      const inner = termOf(node.operand)
      return { ...inner, coefficient: negated(inner.coefficient) }
    }
    case 'binary':
      if (node.op === 'mul') return multiply(termOf(node.left), termOf(node.right))
      if (node.op === 'div') {
        const inverse = reciprocal(termOf(node.right))
        if (inverse) return multiply(termOf(node.left), inverse)
      }
      if (node.op === 'pow') return power(node.left, node.right) ?? single(node)
      return single(node)
    default:
      return single(node)
  }
}

function single(node: Node): Term {
  return { coefficient: ONE, factors: [factor(node, numberNode(1, node.span))] }
}

function multiply(a: Term, b: Term): Term {
  const factors = [...a.factors]
  for (const f of b.factors) {
    const index = factors.findIndex((g) => g.id === f.id)
    const same = factors[index]
    if (same) factors[index] = { ...same, exponent: addExponents(same.exponent, f.exponent) }
    else factors.push(f)
  }
  return {
    coefficient: times(a.coefficient, b.coefficient),
    factors: factors.filter((f) => numericValue(f.exponent) !== 0),
  }
}

function addExponents(a: Node, b: Node): Node {
  const x = numericValue(a)
  const y = numericValue(b)
  if (x !== undefined && y !== undefined) return signedNumber(x + y, a.span)
  return simplify({ kind: 'binary', op: 'add', left: a, right: b, span: a.span })
}

/** 1/term, or undefined when the term is zero. */
function reciprocal(term: Term): Term | undefined {
  const coefficient = raised(term.coefficient, -1)
  if (!coefficient) return undefined
  return { coefficient, factors: term.factors.map((f) => scaleExponent(f, -1)) }
}

function scaleExponent(f: Factor, k: number): Factor {
  const value = numericValue(f.exponent)
  const span = f.exponent.span
  const exponent =
    value !== undefined
      ? signedNumber(value * k, span)
      : simplify({ kind: 'binary', op: 'mul', left: numberNode(k, span), right: f.exponent, span })
  return { ...f, exponent }
}

/**
 * Beyond this exponent, a power of a product stays one factor: `(a*b)^k` = `a^k * b^k` in the reals, but
 * in doubles the parts can overflow where the whole does not (`(pi/pi)^1000` is 1; `pi^1000/pi^1000` is
 * ∞/∞ = NaN). Small powers are where distributing reads better anyway (`(2x)^2` → `4*x^2`).
 */
const LARGEST_DISTRIBUTED_POWER = 4

/**
 * base^exponent as one term, or undefined to keep the power as written. Integer powers distribute over
 * a product (`(2x)^2` → `4*x^2`), which holds for every base; other powers stay a single factor, since
 * `(x^2)^0.5` is |x|, not x.
 */
function power(base: Node, exponent: Node): Term | undefined {
  const k = numericValue(exponent)
  const b = numericValue(base)
  if (k === 0) return { coefficient: ONE, factors: [] }
  if (k === 1) return termOf(base)
  if (b === 1) return { coefficient: ONE, factors: [] }
  if (b === 0 && k !== undefined) return k > 0 ? { coefficient: ZERO, factors: [] } : undefined
  if (k !== undefined && Number.isInteger(k)) {
    const term = termOf(base)
    const parts = term.factors.length + (isOne(term.coefficient) ? 0 : 1)
    if (parts > 1 && Math.abs(k) > LARGEST_DISTRIBUTED_POWER) {
      return { coefficient: ONE, factors: [factor(base, exponent)] }
    }
    const coefficient = raised(term.coefficient, k)
    if (coefficient) return { coefficient, factors: term.factors.map((f) => scaleExponent(f, k)) }
    return undefined
  }
  return { coefficient: ONE, factors: [factor(base, exponent)] }
}

/** Collects like terms and writes the sum back as a tree. */
function buildSum(terms: Term[], span: Span): Node {
  const collected: { key: string; term: Term }[] = []
  for (const term of terms.flatMap(unwrapSignedSum)) {
    const key = termKey(term)
    const same = collected.find((c) => c.key === key)
    if (same)
      same.term = { ...same.term, coefficient: plus(same.term.coefficient, term.coefficient) }
    else collected.push({ key, term })
  }
  const kept = collected.map((c) => c.term).filter((t) => !isZero(t.coefficient))
  const ordered = [
    ...kept.filter((t) => t.factors.length > 0),
    ...kept.filter((t) => t.factors.length === 0),
  ]
  // Lead with a positive term when there is one: `1 - x` rather than `-x + 1`.
  const firstPositive = ordered.findIndex((t) => t.coefficient.n > 0)
  if (firstPositive > 0) ordered.unshift(...ordered.splice(firstPositive, 1))
  let result: Node | undefined
  for (const term of ordered) {
    const negative = term.coefficient.n < 0
    const magnitude = {
      ...term,
      coefficient: { ...term.coefficient, n: Math.abs(term.coefficient.n) },
    }
    if (!result) result = buildTerm(magnitude, span, negative)
    else {
      const right = buildTerm(magnitude, span, false)
      result = { kind: 'binary', op: negative ? 'sub' : 'add', left: result, right, span }
    }
  }
  return result ?? numberNode(0, span)
}

/** `1*(a + b)` and `-1*(a - b)` are just sums: `-(-pi - 1)` becomes `pi + 1`. */
function unwrapSignedSum(term: Term): Term[] {
  const [only, ...others] = term.factors
  const { n, d } = term.coefficient
  if (!only || others.length > 0 || d !== 1 || Math.abs(n) !== 1) return [term]
  if (numericValue(only.exponent) !== 1 || !isSum(only.base)) return [term]
  return n === 1 ? sumOf(only.base) : negatedSum(sumOf(only.base))
}

/** A sum or difference, or a negation (which simplify only leaves on sums and products). */
function isSum(node: Node): boolean {
  return node.kind === 'neg' || (node.kind === 'binary' && (node.op === 'add' || node.op === 'sub'))
}

/**
 * Where a factor goes in a product: π and e first (`2*pi*x`), then variables, then powers and calls, then
 * sums in parentheses (`x^x*(log(x) + 1)`).
 */
function rank(f: Factor): number {
  if (numericValue(f.exponent) === undefined) return 3
  if (f.base.kind === 'constant') return 0
  if (f.base.kind === 'variable') return 1
  if (isSum(f.base)) return 4
  if (f.base.kind === 'call') return 3
  return 2
}

/**
 * A term with a non-negative coefficient as a product, with negative powers as a denominator. A leading
 * minus goes on the first factor, as a person writes it: `-2*x`, `-1/x^2`, `-sin(x)*y`.
 */
function buildTerm(term: Term, span: Span, negative: boolean): Node {
  const factors = term.factors
    .map((f, index) => ({ f, index }))
    .sort((a, b) => rank(a.f) - rank(b.f) || a.index - b.index)
    .map(({ f }) => f)
  const numerator: Node[] = []
  const denominator: Node[] = []
  for (const f of factors) {
    const k = numericValue(f.exponent)
    if (k !== undefined && k < 0) denominator.push(powerNode(f.base, -k, f.exponent, span))
    else numerator.push(powerNode(f.base, k ?? 1, f.exponent, span))
  }
  const { n, d } = term.coefficient
  if (!isOne({ n, d: 1 }) || numerator.length === 0)
    numerator.unshift(numberNode(displayNumber(n), span))
  if (d !== 1) denominator.unshift(numberNode(d, span))
  if (negative) {
    const first = numerator[0] ?? numberNode(1, span)
    // A sum takes the sign itself (`(-pi - 1)/x`), the form simplify gives a negated sum anyway.
    numerator[0] = isSum(first)
      ? buildSum(negatedSum(sumOf(first)), span)
      : { kind: 'neg', operand: first, span }
  }
  const top = productOf(numerator, span)
  return denominator.length === 0
    ? top
    : { kind: 'binary', op: 'div', left: top, right: productOf(denominator, span), span }
}

/** base^k for a numeric k (base alone for k = 1), or base^exponent for a symbolic one. */
function powerNode(base: Node, k: number, exponent: Node, span: Span): Node {
  if (numericValue(exponent) === undefined)
    return { kind: 'binary', op: 'pow', left: base, right: exponent, span }
  if (k === 1) return base
  return { kind: 'binary', op: 'pow', left: base, right: numberNode(k, span), span }
}

function productOf(nodes: Node[], span: Span): Node {
  let result = nodes[0] ?? numberNode(1, span)
  for (const node of nodes.slice(1))
    result = { kind: 'binary', op: 'mul', left: result, right: node, span }
  return result
}

/** Floats from folding print with at most 15 significant digits: 0.1 + 0.2 shows as 0.3. */
function displayNumber(value: number): number {
  return Number.isInteger(value) ? value : Number(value.toPrecision(15))
}
