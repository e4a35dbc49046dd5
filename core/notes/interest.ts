import type { Node } from '../expr/ast'
import type { InterestPoint, Series, SliceMark } from '../protocol/api'
import { slopesAlong } from '../evaluate/point'
import { postOrder } from './nodes'

/** More sign changes than this on one slice (sin(50x)) is a texture: the chart would be all markers. */
const MOST_OF_EACH = 24
const STEPS = 12
/**
 * Past this many nodes the refinement's scalar graphs (f″ is a double backward) would cost more than the
 * slice itself; such expressions get no points of interest.
 */
const MOST_NODES = 400

/**
 * Points of interest on the plotted slice, as a graphing calculator marks them, with the calculus said
 * out loud: zeros of f′ (a local minimum where f′ goes from − to +, a maximum from + to −, neither when
 * it keeps its sign), zeros of f, and inflection points (f″ changes sign). Each is bracketed on the
 * sampled series and refined with Newton steps on autograd's own derivatives at a point (f with f′, f′
 * with f″; f″, having no f‴ to step with, by regula falsi). A bracket that holds a kink or a pole is not
 * one for f′: abs′ changes sign at 0 without being 0 there.
 */
export function pointsOfInterest(
  ast: Node,
  variables: readonly string[],
  wrt: string,
  point: Readonly<Record<string, number>>,
  series: Series,
  marks: readonly SliceMark[],
): InterestPoint[] {
  if (!variables.includes(wrt) || postOrder(ast).length > MOST_NODES) return []
  const along = (xs: Float64Array, second: boolean) =>
    slopesAlong(ast, variables, point, wrt, xs, second)
  const { t, f, df } = series
  const within = (codes: readonly SliceMark['code'][]) => (lo: number, hi: number) =>
    marks.some((mark) => codes.includes(mark.code) && mark.at >= lo && mark.at <= hi)
  // f is continuous at a kink (|x| has its zero there), f′ is not; neither is at a pole or a jump.
  const broken = within(['kink', 'jump', 'pole'])
  const cap = (found: Bracket[]) => (found.length <= MOST_OF_EACH ? found : [])
  const zeros = cap(brackets(t, f, within(['jump', 'pole'])))
  const critical = cap(brackets(t, df, broken))
  // f″ is bracketed where the sampled f′ turns (its differences change sign), then found on f″ itself.
  const turns = new Float64Array(Math.max(0, t.length - 1))
  for (let i = 0; i + 1 < t.length; i++) turns[i] = df[i + 1]! - df[i]!
  const mids = Float64Array.from(turns, (_, i) => (t[i]! + t[i + 1]!) / 2)
  const inflections = cap(brackets(mids, turns, broken))

  const zeroAt = newton(zeros, (xs) => {
    const { f: g, df: dg } = along(xs, false)
    return [g, dg]
  })
  const criticalAt = newton(critical, (xs) => {
    const { df: g, d2f: dg } = along(xs, true)
    return [g, dg]
  })
  const inflectionAt = falsePosition(inflections, (xs) => along(xs, true).d2f)
  const kinds: InterestPoint['kind'][] = [
    ...zeros.map(() => 'zero' as const),
    ...critical.map((b) =>
      b.before < 0 && b.after > 0
        ? 'minimum'
        : b.before > 0 && b.after < 0
          ? 'maximum'
          : 'critical',
    ),
    ...inflections.map(() => 'inflection' as const),
  ]
  const ends = [...zeros, ...critical, ...inflections].map((b) =>
    Math.max(Math.abs(f[b.i]!), Math.abs(f[Math.min(b.j, t.length - 1)]!)),
  )
  const positions = Float64Array.from([...zeroAt, ...criticalAt, ...inflectionAt])
  const values = along(positions, false).f
  const found: InterestPoint[] = []
  positions.forEach((x, k) => {
    const value = values[k]!
    // A sign change across a pole no expression node shows (tan at π/2, as cos(x) reaches 0 only in
    // floating point) refines to where f blows up: f there dwarfs f at both ends, so it is no point.
    // NaN is a bracket f″ did not confirm (a turn of the samples' rounding on a flat stretch).
    if (
      Number.isFinite(x) &&
      Number.isFinite(value) &&
      Math.abs(value) <= 1e3 * Math.max(1, ends[k]!)
    ) {
      found.push({ kind: kinds[k]!, at: x, value })
    }
  })
  return found.sort((p, q) => p.at - q.at)
}

interface Bracket {
  lo: number
  hi: number
  /** The samples at its ends. */
  i: number
  j: number
  /** The signs of the values before and after. */
  before: number
  after: number
  /** Where a line through the two ends crosses 0: where refining starts. */
  start: number
}

/**
 * Each sign change of `values` between two finite samples, and each run of exact zeros between two
 * nonzero samples (a touching zero: x² at 0 with a sample on it); none across a break.
 */
function brackets(
  t: Float64Array,
  values: Float64Array,
  broken: (lo: number, hi: number) => boolean,
): Bracket[] {
  const found: Bracket[] = []
  let last = -1
  for (let i = 0; i < t.length; i++) {
    const v = values[i]!
    if (!Number.isFinite(v)) {
      last = -1
      continue
    }
    if (v === 0) continue
    if (last >= 0 && (Math.sign(values[last]!) !== Math.sign(v) || last + 1 < i)) {
      const [lo, hi, a] = [t[last]!, t[i]!, values[last]!]
      if (!broken(lo, hi)) {
        const zeroSample = last + 1 < i ? t[last + 1]! : lo - (a * (hi - lo)) / (v - a)
        found.push({
          lo,
          hi,
          i: last,
          j: i,
          before: Math.sign(a),
          after: Math.sign(v),
          start: zeroSample,
        })
      }
    }
    last = i
  }
  return found
}

/**
 * Newton's method for g = 0 inside each bracket, from the secant's guess, all brackets stepped together
 * (one vectorized pass of autograd per step); a step that would leave its bracket bisects it instead.
 */
function newton(
  found: readonly Bracket[],
  both: (xs: Float64Array) => [Float64Array, Float64Array],
): Float64Array {
  const lo = Float64Array.from(found, (b) => b.lo)
  const hi = Float64Array.from(found, (b) => b.hi)
  const x = Float64Array.from(found, (b) => b.start)
  if (found.length === 0) return x
  for (let k = 0; k < STEPS; k++) {
    const [g, dg] = both(x)
    let moved = false
    found.forEach((b, j) => {
      const gx = g[j]!
      if (gx === 0) return
      if (Math.sign(gx) === b.before) lo[j] = x[j]!
      else hi[j] = x[j]!
      const next = x[j]! - gx / dg[j]!
      const candidate =
        Number.isFinite(next) && next >= lo[j]! && next <= hi[j]! ? next : (lo[j]! + hi[j]!) / 2
      if (Math.abs(candidate - x[j]!) > 1e-15 * Math.max(1, Math.abs(x[j]!))) moved = true
      x[j] = candidate
    })
    if (!moved) break
  }
  return x
}

/**
 * The Illinois variant of regula falsi for g = 0 in each bracket, stepped together; NaN for a bracket
 * where g does not change sign, or where it does not converge.
 */
function falsePosition(
  found: readonly Bracket[],
  g: (xs: Float64Array) => Float64Array,
): Float64Array {
  const a = Float64Array.from(found, (b) => b.lo)
  const b = Float64Array.from(found, (q) => q.hi)
  if (found.length === 0) return a
  const ends = g(Float64Array.from([...a, ...b]))
  const ga = ends.slice(0, found.length)
  const gb = ends.slice(found.length)
  const side = new Int8Array(found.length)
  const result = new Float64Array(found.length).fill(NaN)
  const open = new Set<number>()
  found.forEach((_, j) => {
    if (ga[j] === 0) result[j] = a[j]!
    else if (gb[j] === 0) result[j] = b[j]!
    else if (Math.sign(ga[j]!) * Math.sign(gb[j]!) < 0) open.add(j)
  })
  for (let k = 0; k < 2 * STEPS && open.size > 0; k++) {
    const js = [...open]
    const c = Float64Array.from(js, (j) => (a[j]! * gb[j]! - b[j]! * ga[j]!) / (gb[j]! - ga[j]!))
    const gc = g(c)
    js.forEach((j, m) => {
      const [cm, gm] = [c[m]!, gc[m]!]
      result[j] = cm
      if (gm === 0 || Math.abs(b[j]! - a[j]!) <= 1e-12 * Math.max(1, Math.abs(cm))) {
        open.delete(j)
        return
      }
      if (Math.sign(gm) === Math.sign(gb[j]!)) {
        b[j] = cm
        gb[j] = gm
        if (side[j] === -1) ga[j]! /= 2
        side[j] = -1
      } else {
        a[j] = cm
        ga[j] = gm
        if (side[j] === 1) gb[j]! /= 2
        side[j] = 1
      }
    })
  }
  // Still open: no root it could close in on (a pole, where f″ changes sign by going through ∞).
  for (const j of open) result[j] = NaN
  return result
}
