import { describe, expect, it } from 'vitest'
import { rangeOffers } from './range-offers'

describe('rangeOffers', () => {
  it('offers nothing while the point is in view and the slider covers the view', () => {
    expect(rangeOffers(2, [-4, 4], [-5, 5])).toEqual({ offView: null, widenSlider: null })
  })

  it('says the point x = 10 is right of a −4..4 view, and offers a view that shows it', () => {
    expect(rangeOffers(10, [-4, 4], [-5, 10]).offView).toEqual({
      side: 'right',
      view: [-4, 10.8],
    })
    expect(rangeOffers(-10, [-4, 4], [-10, 5]).offView).toEqual({
      side: 'left',
      view: [-10.8, 4],
    })
  })

  it('offers to widen the slider to a view that reaches beyond it', () => {
    expect(rangeOffers(0, [-20, 20], [-5, 5]).widenSlider).toEqual([-20, 20])
    expect(rangeOffers(0, [-2, 8], [-5, 5]).widenSlider).toEqual([-5, 8])
  })
})
