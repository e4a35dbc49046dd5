/**
 * Keeping the slider of the plotted variable and the plot's x-range in a sensible relation: the point
 * must not leave the view unannounced, and a view wider than the slider offers to widen the slider.
 * Nothing changes by itself: each is an offer the learner takes with one click.
 */

export interface RangeOffers {
  /** Where the point is when it is outside the view, and the view that would show it. */
  offView: { side: 'left' | 'right'; view: [number, number] } | null
  /** A slider range matching the view, when the view reaches beyond the slider's range. */
  widenSlider: [number, number] | null
}

export function rangeOffers(
  at: number,
  view: readonly [number, number],
  slider: readonly [number, number],
): RangeOffers {
  const [low, high] = view
  const width = high - low
  let offView: RangeOffers['offView'] = null
  if (Number.isFinite(at) && (at < low || at > high)) {
    // Extend the side the point left by, with a tenth of the width as margin so it is not on the edge.
    const margin = width / 10
    offView =
      at < low
        ? { side: 'left', view: [at - margin, high] }
        : { side: 'right', view: [low, at + margin] }
  }
  const widenSlider: RangeOffers['widenSlider'] =
    low < slider[0] || high > slider[1]
      ? [Math.min(low, slider[0]), Math.max(high, slider[1])]
      : null
  return { offView, widenSlider }
}
