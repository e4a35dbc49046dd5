import type { Node } from '../expr/ast'
import { FUNCTIONS, type FunctionName } from '../ops/catalog'
import { DOMAINS } from '../ops/switching'
import type { SliceMark } from '../protocol/notes'
import { nodesAlong, slopesAlong } from '../evaluate/point'
import { childrenOf } from '../expr/ast'
import { dependencies, postOrder, switchOf } from './nodes'
import { differ, oneSidedDerivatives } from './one-sided'

/** A slice crossing more switches than this is a texture (abs(sin(50x))), not a few corners to mark. */
const MOST_MARKS = 64
/** Halving a bracket of a few thousandths 56 times reaches the spacing of doubles near it. */
const BISECTIONS = 56

interface Watched {
  code: SliceMark['code']
  op: string
  branch: (args: readonly number[]) => number
  on: (args: readonly number[]) => boolean
}

interface Candidate {
  node: Node
  watched: Watched
  lo: number
  hi: number
  /** The branch at lo. */
  first: number
  /** The sample on the switch, or the samples either side of it. */
  sample: number | null
  i: number
}

/**
 * The kinks, jumps and poles the plotted slice crosses: for every switching function (and every
 * denominator, and every log at its pole) whose argument depends on the plotted variable, the samples
 * where its branch changes, refined by bisection (all crossings at once, one vectorized pass a step) to
 * where it switches; a sample that lands exactly on a switch is marked as that sample
 * (linspace(−3, 3, 101) has 0 at index 50: relu′ there is PyTorch's 0). A switch the slice passes
 * smoothly (x·|x| at 0) is no mark: the one-sided slopes are compared.
 */
export function sliceMarks(
  ast: Node,
  variables: readonly string[],
  wrt: string,
  point: Readonly<Record<string, number>>,
  t: Float64Array,
): SliceMark[] {
  if (!variables.includes(wrt)) return []
  const order = postOrder(ast)
  const uses = dependencies(order)
  const watchedNodes = order.flatMap((node) => {
    const watched = uses.get(node)!.has(wrt) ? watch(node) : null
    return watched ? [{ node, watched }] : []
  })
  // Most expressions switch nowhere: no extra pass over the slice for them.
  if (watchedNodes.length === 0) return []
  const sampled = nodesAlong(ast, variables, point, wrt, t)
  const candidates: Candidate[] = []
  for (const { node, watched } of watchedNodes) {
    const argsAt = (i: number) => childrenOf(node).map((child) => sampled(child, i))
    for (let i = 0; i < t.length && candidates.length < MOST_MARKS; i++) {
      const args = argsAt(i)
      if (watched.on(args)) {
        candidates.push({ node, watched, lo: t[i]!, hi: t[i]!, first: 0, sample: i, i })
        continue
      }
      if (i + 1 >= t.length) continue
      const next = argsAt(i + 1)
      const [b0, b1] = [watched.branch(args), watched.branch(next)]
      if (watched.on(next) || !Number.isFinite(b0) || !Number.isFinite(b1) || b0 === b1) continue
      candidates.push({ node, watched, lo: t[i]!, hi: t[i + 1]!, first: b0, sample: null, i })
    }
  }
  const between = candidates.filter((c) => c.sample === null)
  for (let k = 0; k < BISECTIONS && between.length > 0; k++) {
    const mids = Float64Array.from(between, (c) => (c.lo + c.hi) / 2)
    const at = nodesAlong(ast, variables, point, wrt, mids)
    between.forEach((c, j) => {
      const args = childrenOf(c.node).map((child) => at(child, j))
      if (c.watched.branch(args) === c.first) c.lo = mids[j]!
      else c.hi = mids[j]!
    })
  }
  const positions = Float64Array.from(candidates, (c) => (c.lo + c.hi) / 2)
  const f = slopesAlong(ast, variables, point, wrt, positions).f
  const gradients = (xs: Float64Array) => slopesAlong(ast, variables, point, wrt, xs).df
  const valuesOf = (xs: Float64Array) => slopesAlong(ast, variables, point, wrt, xs).f
  const marks = candidates.flatMap((c, j) => {
    const nearby = Math.max(1, Math.abs(sampled(ast, c.i)), Math.abs(sampled(ast, c.i + 1)))
    const near = c.sample === null ? nearby : Infinity
    return confirmed(c, positions[j]!, f[j]!, near, gradients, valuesOf)
  })
  return marks.sort((a, b) => a.at - b.at)
}

/** What to watch at a node: a switch of the table, a denominator through 0, a log-like pole. */
function watch(node: Node): Watched | null {
  const found = switchOf(node)
  if (found) return { code: found.entry.kind, op: found.fn, ...found.entry }
  if (node.kind === 'binary' && node.op === 'div') {
    return { code: 'pole', op: '/', branch: ([, b]) => Math.sign(b ?? NaN), on: ([, b]) => b === 0 }
  }
  if (node.kind === 'call' && node.fn in FUNCTIONS) {
    const domain = DOMAINS[node.fn as FunctionName]
    const pole = domain?.pole
    if (domain && pole) {
      // The edge of log's domain: the argument reaches 0 from inside (outside, f is NaN and undrawn).
      const branch = (a: number) => (pole(a) ? 0 : domain.inside(a) ? 1 : -1)
      return {
        code: 'pole',
        op: node.fn,
        branch: ([a]) => branch(a ?? NaN),
        on: ([a]) => pole(a ?? NaN),
      }
    }
  }
  return null
}

/**
 * The mark, when the slice really is not smooth there: a pole where f is infinite on a sample or blows up
 * between two (1/x, but not x/x or sin(x)/x, whose denominators also cross 0), a kink where its one-sided
 * slopes differ (not x·|x|), a jump always.
 */
function confirmed(
  candidate: Candidate,
  position: number,
  value: number,
  nearby: number,
  gradients: (positions: Float64Array) => Float64Array,
  valuesOf: (positions: Float64Array) => Float64Array,
): SliceMark[] {
  const { code, op } = candidate.watched
  const sample = candidate.sample
  if (code === 'pole') {
    const infinite = value === Infinity || value === -Infinity || Math.abs(value) > 1e6 * nearby
    return infinite ? [{ code, at: position, sample, value: NaN, op }] : []
  }
  if (code === 'jump') {
    // A step function on its jump, unless f is continuous there after all (x·sign(x) is |x|).
    const h = 1e-9 * Math.max(1, Math.abs(position))
    const [before, after] = valuesOf(Float64Array.from([position - h, position + h]))
    if (Math.abs(after! - before!) > 1e-6 * Math.max(1, Math.abs(before!))) {
      return [{ code, at: position, sample, value: NaN, op }]
    }
  }
  const { left, right } = oneSidedDerivatives(gradients, position)
  if (!differ(left, right)) return []
  return [{ code: 'kink', at: position, sample, value, left, right, op }]
}
