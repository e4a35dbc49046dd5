import { boundedArray, isFiniteNumber, ownFields } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import type { Figure, FigureSeries } from '../protocol/notebook'

/**
 * A figure's data travels in the .ipynb beside its PNG, under a MIME type of our own: Jupyter shows the
 * PNG (the richest type it knows) and keeps ours untouched, and the app redraws the chart from the data
 * when it opens the file. Read back through the same bounded guards as every file.
 */
export const FIGURE_MIME = 'application/vnd.calculus-lab.figure+json'

const MAX_SERIES = 50
const MAX_TEXT = 1000
const COLOR = /^#[0-9a-fA-F]{6}$/
const CYCLE = /^C[0-9]$/

/** JSON has no NaN: a gap in a line (matplotlib skips it) is written as null. */
const toJsonNumbers = (values: readonly number[]) =>
  values.map((value) => (Number.isFinite(value) ? value : null))

export function figureJson(figure: Figure): Record<string, unknown> {
  return {
    series: figure.series.map((s) => ({
      x: toJsonNumbers(s.x),
      y: toJsonNumbers(s.y),
      label: s.label,
      color: s.color,
      cycle: s.cycle,
    })),
    xlabel: figure.xlabel,
    ylabel: figure.ylabel,
    title: figure.title,
    legend: figure.legend,
  }
}

function numbers(value: unknown): number[] | null {
  const items = boundedArray(value, LIMITS.maxPointSamples)
  if (!items.ok) return null
  const out: number[] = []
  for (const item of items.value) {
    if (item === null) out.push(Number.NaN)
    else if (isFiniteNumber(item)) out.push(item)
    else return null
  }
  return out
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.length <= MAX_TEXT

function series(value: unknown): FigureSeries | null {
  const read = ownFields(value, LIMITS.maxFields)
  if (!read.ok) return null
  const { x, y, label, color, cycle } = read.value
  const xs = numbers(x)
  const ys = numbers(y)
  if (xs === null || ys === null || xs.length !== ys.length) return null
  if (!(label === null || isText(label))) return null
  if (typeof color !== 'string' || !COLOR.test(color)) return null
  if (!(cycle === null || (typeof cycle === 'string' && CYCLE.test(cycle)))) return null
  return { x: xs, y: ys, label, color, cycle }
}

/** The figure, or null when the data is not one (the PNG, if any, is still shown). */
export function figureFromJson(value: unknown): Figure | null {
  const read = ownFields(value, LIMITS.maxFields)
  if (!read.ok) return null
  const { xlabel, ylabel, title, legend } = read.value
  if (!isText(xlabel) || !isText(ylabel) || !isText(title) || typeof legend !== 'boolean') {
    return null
  }
  const list = boundedArray(read.value.series, MAX_SERIES)
  if (!list.ok) return null
  const all: FigureSeries[] = []
  for (const item of list.value) {
    const one = series(item)
    if (one === null) return null
    all.push(one)
  }
  return { series: all, xlabel, ylabel, title, legend }
}
