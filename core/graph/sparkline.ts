import { BOX, type NodeBox } from './layout'

/**
 * A vector node's values drawn small under its numbers: one polyline over the samples, scaled to a finite
 * range (the node's data and grad share one, so they compare), broken where a value is not finite (a
 * pole, a NaN), with a marker at the sample the numbers show. The panel and the CLI's SVG
 * draw the same geometry.
 */
export interface Strip {
  x: number
  y: number
  width: number
  height: number
}
export interface Sparkline {
  /** SVG path data, `M`…`L`…, one `M` per finite run; '' when no value is finite. */
  d: string
  /** Where the selected sample is; null when its value is not finite. */
  marker: { x: number; y: number } | null
}

/** The strip under a vector box's four lines of text. */
export function sparklineStrip(box: NodeBox): Strip {
  const top = box.y + BOX.height + BOX.lineHeight - 6
  return {
    x: box.x + BOX.padding,
    y: top,
    width: box.width - 2 * BOX.padding,
    height: BOX.sparkline - 4,
  }
}

/** The x of sample `index` of `count` in the strip. */
export function sampleX(strip: Strip, index: number, count: number): number {
  return strip.x + (count > 1 ? (index / (count - 1)) * strip.width : strip.width / 2)
}

/** The smallest and largest finite value of the lines, or null when none is finite. */
export function finiteRange(...lines: readonly (readonly number[])[]): [number, number] | null {
  let low = Infinity
  let high = -Infinity
  for (const line of lines) {
    for (const value of line) {
      if (!Number.isFinite(value)) continue
      low = Math.min(low, value)
      high = Math.max(high, value)
    }
  }
  return low <= high ? [low, high] : null
}

/**
 * `range` is the strip's bottom and top: by default the values' own; a node's data and grad share theirs
 * (finiteRange of both), so x.grad = 2x shows steeper than x instead of on top of it.
 */
export function sparkline(
  values: readonly number[],
  strip: Strip,
  at: number,
  range: [number, number] | null = finiteRange(values),
): Sparkline {
  if (!range) return { d: '', marker: null }
  const [low, high] = range
  // A constant is drawn through the middle of the strip.
  const y = (value: number) =>
    high > low
      ? strip.y + strip.height - ((value - low) / (high - low)) * strip.height
      : strip.y + strip.height / 2
  let d = ''
  let drawing = false
  values.forEach((value, index) => {
    if (!Number.isFinite(value)) {
      drawing = false
      return
    }
    const point = `${sampleX(strip, index, values.length).toFixed(1)},${y(value).toFixed(1)}`
    d += `${d ? ' ' : ''}${drawing ? 'L' : 'M'}${point}`
    drawing = true
  })
  const index = Math.min(Math.max(Math.round(at), 0), values.length - 1)
  const value = values[index] ?? Number.NaN
  const marker = Number.isFinite(value)
    ? { x: sampleX(strip, index, values.length), y: y(value) }
    : null
  return { d, marker }
}
