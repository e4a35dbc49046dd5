import type { Node } from '../expr/ast'
import { FUNCTIONS, type FunctionName } from '../ops/catalog'
import { DOMAINS } from '../ops/switching'
import { shown as formatNumber } from './words'
import type { Note, NoteCode } from '../protocol/notes'
import { slopesAlong, valuesAtPoint } from '../evaluate/point'
import { childrenOf } from '../expr/ast'
import { dependencies, postOrder, switchOf } from './nodes'
import { differ, oneSidedDerivatives } from './one-sided'

/**
 * The notes of every partial derivative at the point that comes from a convention rather than from a
 * derivative (see core/protocol/notes.ts for the codes). At an ordinary point there are none: every
 * check below needs a switch hit exactly, a non-finite f or a non-finite partial.
 */
export function notesAt(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
): Note[] {
  const values = new Map<Node, number>()
  const { value, gradient } = valuesAtPoint(ast, variables, point, values)
  const order = postOrder(ast)
  const uses = dependencies(order)
  const notes: Note[] = []
  const cause = Number.isFinite(value) ? null : undefinedCause(order, values)
  for (const variable of variables) {
    const g = gradient[variable]!
    const gradients = (positions: Float64Array) =>
      slopesAlong(ast, variables, point, variable, positions).df
    if (cause !== null) {
      if (uses.get(cause.node)!.has(variable)) notes.push(causeNote(cause, variable, g))
      continue
    }
    const switched = switchedNode(order, values, uses, variable)
    const found = switched ? switchOf(switched) : null
    if (switched && found?.entry.kind === 'jump') {
      const note = jumpNote(ast, variables, point, variable, g, switched)
      if (note) {
        notes.push(note)
        continue
      }
    }
    if (switched || !Number.isFinite(g)) {
      const at = point[variable]!
      const { left, right } = oneSidedDerivatives(gradients, at)
      const note = slopeNote(variable, at, g, left, right, switched)
      if (note) notes.push(note)
    }
  }
  return notes
}

interface Cause {
  code: Extract<NoteCode, 'pole' | 'outside-domain'>
  node: Node
  op: string
  why: string
}

/** The innermost node whose value is not finite while its operands are: where f stops being defined. */
function undefinedCause(order: readonly Node[], values: ReadonlyMap<Node, number>): Cause | null {
  for (const node of order) {
    const own = values.get(node)
    if (own === undefined || Number.isFinite(own)) continue
    const operands = childrenOf(node).map((child) => values.get(child) ?? NaN)
    if (!operands.every(Number.isFinite)) continue
    return describeCause(node, operands)
  }
  return null
}

function describeCause(node: Node, [a = NaN, b = NaN]: readonly number[]): Cause | null {
  if (node.kind === 'binary' && node.op === 'div' && b === 0) {
    return { code: 'pole', node, op: '/', why: `the denominator is 0` }
  }
  if (node.kind === 'binary' && node.op === 'pow') {
    if (a === 0 && b < 0) return { code: 'pole', node, op: '^', why: `0 is raised to ${b}` }
    if (a < 0 && !Number.isInteger(b)) {
      return {
        code: 'outside-domain',
        node,
        op: '^',
        why: `a negative number to the non-integer power ${formatNumber(b)} is not real (NaN in PyTorch too)`,
      }
    }
  }
  if (node.kind === 'call' && node.fn in FUNCTIONS) {
    const fn = node.fn as FunctionName
    const domain = DOMAINS[fn]
    if (domain?.pole?.(a))
      return { code: 'pole', node, op: fn, why: `${fn} is infinite at ${formatNumber(a)}` }
    if (domain && !domain.inside(a)) {
      return {
        code: 'outside-domain',
        node,
        op: fn,
        why: `${fn} is defined for ${domain.domain}, and its argument is ${formatNumber(a)}`,
      }
    }
  }
  return null
}

function causeNote(cause: Cause, variable: string, g: number): Note {
  const grad = formatNumber(g)
  const message =
    cause.code === 'pole'
      ? `f is not finite here (a pole: ${cause.why}), so ∂f/∂${variable} = ${grad} is not a slope.`
      : `f is NaN here (${cause.why}), so ∂f/∂${variable} = ${grad} is not a slope.`
  const detail =
    cause.code === 'pole'
      ? `${message} Autograd still runs the backward formula of each op and returns ${grad}; a plot shows a vertical asymptote here.`
      : `${message} Autograd does not check domains: it applies each op's backward formula to the NaN or to the argument and returns ${grad}.`
  return {
    code: cause.code,
    variable,
    message,
    detail,
    op: cause.op,
    span: cause.node.span,
    pytorch: g,
  }
}

/** The innermost switching function that sits exactly on its switch and depends on the variable. */
function switchedNode(
  order: readonly Node[],
  values: ReadonlyMap<Node, number>,
  uses: ReadonlyMap<Node, ReadonlySet<string>>,
  variable: string,
): Node | null {
  for (const node of order) {
    const found = switchOf(node)
    if (!found || !uses.get(node)!.has(variable)) continue
    const args = childrenOf(node).map((child) => values.get(child) ?? NaN)
    if (found.entry.on(args)) return node
  }
  return null
}

function slopeNote(
  variable: string,
  at: number,
  g: number,
  left: number,
  right: number,
  switched: Node | null,
): Note | null {
  const where = `${variable} = ${formatNumber(at)}`
  const sides = `left ${formatNumber(left)}, right ${formatNumber(right)}`
  const found = switched ? switchOf(switched) : null
  if (Number.isFinite(g) || Number.isNaN(g)) {
    if (!differ(left, right)) return null
    const op = found?.fn ?? 'f'
    const message = `∂f/∂${variable} = ${formatNumber(g)} is PyTorch's convention: ${op} has a corner at ${where} (${sides}).`
    const why = found ? found.entry.convention : 'autograd evaluates one formula for both sides'
    const detail = `${op} switches branch at ${where}, so f has a corner there: the derivative from the left is ${formatNumber(left)}, from the right ${formatNumber(right)}, and no single derivative exists. ${why}; autograd returns ∂f/∂${variable} = ${formatNumber(g)}.`
    return {
      code: 'kink',
      variable,
      message,
      detail,
      ...(found ? { op: found.fn } : {}),
      ...(switched ? { span: switched.span } : {}),
      left,
      right,
      pytorch: g,
    }
  }
  const message = `∂f/∂${variable} = ${formatNumber(g)}: the tangent at ${where} is vertical (${sides}).`
  const detail = `f is finite at ${where} but its slope grows without bound as ${variable} approaches it: the derivative is not a number, and autograd's ${formatNumber(g)} is the formula's value there (sqrt: grad / (2 * result) divides by 0; pow: exponent · x^(exponent − 1) with a negative power of 0). One-sided: ${sides}.`
  return { code: 'infinite-slope', variable, message, detail, left, right, pytorch: g }
}

/**
 * A step function on its jump: f from the left and from the right (a hair either side) differ, so f is
 * not continuous there and no derivative exists; null where f happens to be continuous (x·sign(x)).
 */
function jumpNote(
  ast: Node,
  variables: readonly string[],
  point: Readonly<Record<string, number>>,
  variable: string,
  g: number,
  switched: Node,
): Note | null {
  const at = point[variable]!
  const h = 1e-9 * Math.max(1, Math.abs(at))
  let [before, after] = slopesAlong(
    ast,
    variables,
    point,
    variable,
    Float64Array.from([at - h, at + h]),
  ).f
  if (!(Math.abs(after! - before!) > 1e-6 * Math.max(1, Math.abs(before!)))) return null
  const found = switchOf(switched)!
  // f a hair either side, to the digits that matter: frac(1 + h) is 1e-9, shown as the 0 it tends to.
  const side = (v: number) => (Math.abs(v) < 1e-6 ? 0 : Number(v.toPrecision(6)))
  ;[before, after] = [side(before!), side(after!)]
  const where = `${variable} = ${formatNumber(at)}`
  const sides = `from ${formatNumber(before!)} to ${formatNumber(after!)}`
  const message = `∂f/∂${variable} = ${formatNumber(g)} is PyTorch's convention: ${found.fn} jumps at ${where} (${sides}).`
  const detail = `${found.fn} jumps at ${where}: f goes ${sides}, so f is not continuous there and has no derivative. ${found.entry.convention}; autograd returns ∂f/∂${variable} = ${formatNumber(g)}.`
  return { code: 'jump', variable, message, detail, op: found.fn, span: switched.span, pytorch: g }
}
