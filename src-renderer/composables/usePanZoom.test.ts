import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { freshStores } from '../test-support/stores'
import { useViewStore } from '../stores/view'
import type { LineChart } from './useChart'
import { usePanZoom } from './usePanZoom'

/** A chart whose plot area spans pixels 0…100 for the values −5…5. */
const fakeChart = {
  canvas: { getBoundingClientRect: () => ({ left: 0 }) },
  chartArea: { left: 0, right: 100 },
  scales: { x: { getValueForPixel: (pixel: number) => -5 + pixel / 10 } },
} as unknown as LineChart

function setup() {
  let handlers!: ReturnType<typeof usePanZoom>
  const Host = defineComponent({
    setup() {
      const surface = ref<HTMLElement | null>(null)
      handlers = usePanZoom(surface, () => fakeChart)
      return () => h('div', { ref: surface })
    },
  })
  mount(Host)
  return handlers
}

const key = (name: string) => new KeyboardEvent('keydown', { key: name, cancelable: true })

beforeEach(() => {
  freshStores()
})

describe('usePanZoom', () => {
  it('zooms in and out with + and −, pans with the arrows and resets with 0', () => {
    const handlers = setup()
    const view = useViewStore()
    handlers.onKeydown(key('+'))
    expect(view.domain).toEqual([-4, 4])
    handlers.onKeydown(key('-'))
    expect(view.domain).toEqual([-5, 5])
    handlers.onKeydown(key('ArrowLeft'))
    expect(view.domain).toEqual([-6, 4])
    handlers.onKeydown(key('0'))
    expect(view.domain).toEqual([-5, 5])
  })

  it('leaves other keys and shortcuts to the browser', () => {
    const handlers = setup()
    const event = new KeyboardEvent('keydown', { key: '+', ctrlKey: true, cancelable: true })
    handlers.onKeydown(event)
    expect(event.defaultPrevented).toBe(false)
    expect(useViewStore().domain).toEqual([-5, 5])
  })

  it('zooms around the value under the cursor', () => {
    const handlers = setup()
    // Pixel 70 is x = 2: it stays where it is while the view narrows.
    const wheel = { deltaY: -200, clientX: 70, preventDefault: () => undefined } as WheelEvent
    handlers.onWheel(wheel)
    const [min, max] = useViewStore().domain
    expect(max - min).toBeLessThan(10)
    expect((2 - min) / (max - min)).toBeCloseTo(0.7)
  })

  it('pans by the dragged distance', () => {
    const handlers = setup()
    const pointer = (type: string, clientX: number) =>
      new PointerEvent(type, { pointerId: 1, button: 0, clientX })
    handlers.onPointerDown(pointer('pointerdown', 50))
    handlers.onPointerMove(pointer('pointermove', 60))
    handlers.onPointerUp(pointer('pointerup', 60))
    // 10 px of a 100 px plot is a tenth of the 10-wide view.
    expect(useViewStore().domain).toEqual([-6, 4])
  })
})
