import { beforeEach, describe, expect, it } from 'vitest'
import { freshStores } from '../test-support/stores'
import { DEFAULT_DOMAIN, useViewStore } from './view'

beforeEach(() => {
  freshStores()
})

describe('view store', () => {
  it('zooms around an anchor that stays in place', () => {
    const view = useViewStore()
    view.zoom(0.5, 1)
    expect(view.domain).toEqual([-2, 3])
  })
  it('pans by a fraction of the width and resets', () => {
    const view = useViewStore()
    view.pan(0.1)
    expect(view.domain).toEqual([-4, 6])
    view.setYOverride([0, 1])
    view.reset()
    expect(view.domain).toEqual(DEFAULT_DOMAIN)
    expect(view.yOverride).toBeNull()
  })
  it('refuses views that are inverted, degenerate or absurdly wide', () => {
    const view = useViewStore()
    expect(view.setDomain(1, 1)).toBe(false)
    expect(view.setDomain(0, 1e9)).toBe(false)
    expect(view.setYOverride([2, 1])).toBe(false)
    expect(view.domain).toEqual(DEFAULT_DOMAIN)
  })
  it('clamps the sample count to the limits', () => {
    const view = useViewStore()
    view.setPlotWidth(1e6)
    expect(view.samples).toBe(200_000)
    view.setPlotWidth(0.1)
    expect(view.samples).toBe(2)
  })
})
