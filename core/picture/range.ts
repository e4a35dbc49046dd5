/** The y-range the chart shows when the learner has not set one. */

const TRIM = 0.1
const PADDING = 0.08

function quantile(sorted: Float64Array, q: number): number {
  const position = (sorted.length - 1) * q
  const below = Math.floor(position)
  const above = Math.min(below + 1, sorted.length - 1)
  const weight = position - below
  return (sorted[below] as number) * (1 - weight) + (sorted[above] as number) * weight
}

/**
 * Follows the data but ignores spikes: the bulk of the values is the 10 %–90 % quantile range, and the view
 * reaches beyond it by at most the bulk's own spread. Smooth growth stays whole (x² on [−4, 4] keeps its top at
 * 16); the values racing to ±∞ next to a pole are cut off (1/x, tan x and their derivatives would otherwise
 * squash the whole plot into flat lines).
 */
export function robustRange(series: ReadonlyArray<ArrayLike<number>>): [number, number] {
  let count = 0
  for (const values of series) count += values.length
  const finite = new Float64Array(count)
  let n = 0
  for (const values of series) {
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as number
      if (Number.isFinite(value)) finite[n++] = value
    }
  }
  if (n === 0) return [-1, 1]
  const sorted = finite.subarray(0, n).sort()
  const min = sorted[0] as number
  const max = sorted[n - 1] as number
  const low = quantile(sorted, TRIM)
  const high = quantile(sorted, 1 - TRIM)
  const spread = high - low
  return padded(Math.max(min, low - spread), Math.min(max, high + spread))
}

function padded(bottom: number, top: number): [number, number] {
  const span = top - bottom
  if (span < 1e-9 * Math.max(1, Math.abs(top))) {
    // A constant function: centre it in a unit-sized window.
    const middle = (top + bottom) / 2
    const half = Math.max(1, Math.abs(middle) * 0.1)
    return [middle - half, middle + half]
  }
  return [bottom - span * PADDING, top + span * PADDING]
}
