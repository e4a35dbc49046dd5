import type { Series } from '../protocol/api'
import { formatNumber } from './format'

/**
 * The chart in words, for whoever cannot see the canvas: a summary (the function, the range, where f rises
 * and falls, the values at the point) and an even selection of the samples for a table. Plain data, so the
 * renderer's text alternative and its audio trace read the same numbers the chart draws.
 */

export type Direction = 'rises' | 'falls' | 'is flat' | 'is undefined'

export interface Run {
  direction: Direction
  from: number
  to: number
}

function directionOf(slope: number): Direction {
  if (Number.isNaN(slope)) return 'is undefined'
  if (slope > 0) return 'rises'
  if (slope < 0) return 'falls'
  return 'is flat'
}

/**
 * Where f rises, falls or is flat along the samples: the sign of f′ at each, merged into runs. A lone
 * sample where f′ is 0 is a turning point (x² at 0), not a flat stretch: the runs meet there.
 */
export function runsOf(series: Pick<Series, 't' | 'df'>): Run[] {
  const runs: (Run & { samples: number })[] = []
  for (let i = 0; i < series.t.length; i++) {
    const x = series.t[i] as number
    const direction = directionOf(series.df[i] as number)
    const last = runs.at(-1)
    if (last && last.direction === direction) {
      last.to = x
      last.samples++
    } else runs.push({ direction, from: last ? last.to : x, to: x, samples: 1 })
  }
  const merged: Run[] = []
  for (const [index, run] of runs.entries()) {
    const turning = run.direction === 'is flat' && run.samples === 1 && index > 0
    const last = merged.at(-1)
    if (turning && last) last.to = run.to
    else if (last && last.direction === run.direction) last.to = run.to
    else merged.push({ direction: run.direction, from: last ? last.to : run.from, to: run.to })
  }
  return merged
}

/** The indices where f′ changes sign between neighbouring samples (a maximum, minimum or kink). */
export function signChanges(df: ArrayLike<number>): number[] {
  const changes: number[] = []
  let previous = 0
  for (let i = 0; i < df.length; i++) {
    const sign = Math.sign(df[i] as number)
    if (Number.isNaN(sign) || sign === 0) continue
    if (previous !== 0 && sign !== previous) changes.push(i)
    previous = sign
  }
  return changes
}

/** At most `count` sample indices, evenly spread, first and last included. */
export function evenIndices(length: number, count: number): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i)
  return Array.from({ length: count }, (_, i) => Math.round((i * (length - 1)) / (count - 1)))
}

/** How many runs the summary names before it only counts the rest. */
const NAMED_RUNS = 6

const shown = (value: number) => formatNumber(value, 3)

export interface SummaryInput {
  expression: string
  wrt: string
  domain: readonly [number, number]
  series: Pick<Series, 't' | 'f' | 'df'>
  /** The point's value of the plotted variable, f there and the slope there (null: not told). */
  point: { x: number; f: number; slope: number | null } | null
}

/** The summary, in sentences. */
export function summarize(input: SummaryInput): string {
  const { wrt, domain, series } = input
  const sentences = [
    `f(${wrt}) = ${input.expression}, plotted for ${wrt} from ${shown(domain[0])} to ${shown(domain[1])}.`,
  ]
  const runs = runsOf(series)
  const named = runs
    .slice(0, NAMED_RUNS)
    .map((run) => `${run.direction} from ${wrt} = ${shown(run.from)} to ${shown(run.to)}`)
  if (named.length > 0) {
    const more = runs.length - named.length
    const rest = more > 0 ? `, and changes direction ${more} more times` : ''
    sentences.push(`f ${named.join(', then ')}${rest}.`)
  }
  const finite = Array.from(series.f).filter(Number.isFinite)
  if (finite.length > 0) {
    const low = finite.reduce((a, b) => Math.min(a, b))
    const high = finite.reduce((a, b) => Math.max(a, b))
    sentences.push(`Its values lie between ${shown(low)} and ${shown(high)}.`)
  }
  const undefinedCount = series.f.length - finite.length
  if (undefinedCount > 0) {
    sentences.push(`f is not a finite number at ${undefinedCount} of ${series.f.length} samples.`)
  }
  if (input.point) {
    const { x, f, slope } = input.point
    const at = `At the point ${wrt} = ${shown(x)}: f = ${formatNumber(f)}`
    sentences.push(slope === null ? `${at}.` : `${at}, f′ = ${formatNumber(slope)}.`)
  }
  return sentences.join(' ')
}
