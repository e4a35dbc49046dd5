import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, h, ref } from 'vue'
import { freshStores } from '../test-support/stores'
import { DATASET } from '../../core/picture/chart-config'
import { useVariablesStore } from '../stores/variables'
import { useViewStore } from '../stores/view'
import type { LineChart } from './useChart'
import { usePanZoom, type CurveTarget } from './usePanZoom'

/**
 * A chart whose plot area spans pixels 0…100 for the values −5…5 both ways (y upwards), with the red
 * point drawn at (2, 4): pixel (70, 10).
 */
const datasets: { data: { x: number; y: number }[] }[] = []
datasets[DATASET.point] = { data: [{ x: 2, y: 4 }] }
const fakeChart = {
  canvas: { getBoundingClientRect: () => ({ left: 0, top: 0 }) },
  chartArea: { left: 0, right: 100 },
  data: { datasets },
  scales: {
    x: {
      getValueForPixel: (pixel: number) => -5 + pixel / 10,
      getPixelForValue: (value: number) => (value + 5) * 10,
    },
    y: { getPixelForValue: (value: number) => 100 - (value + 5) * 10 },
  },
} as unknown as LineChart

function setup(curve?: CurveTarget) {
  let handlers!: ReturnType<typeof usePanZoom>
  const Host = defineComponent({
    setup() {
      const surface = ref<HTMLElement | null>(null)
      handlers = usePanZoom(surface, () => fakeChart, curve)
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

  const at = (type: string, clientX: number, clientY: number) =>
    new PointerEvent(type, { pointerId: 1, button: 0, clientX, clientY })

  it('drags the point along the curve, without panning', () => {
    const handlers = setup()
    const variables = useVariablesStore()
    handlers.onPointerDown(at('pointerdown', 71, 12))
    handlers.onPointerMove(at('pointermove', 80, 50))
    expect(variables.point.x).toBe(3)
    handlers.onPointerMove(at('pointermove', 83.4, 50))
    // On the slider's step (0.1): 3.34 is 3.3.
    expect(variables.point.x).toBe(3.3)
    handlers.onPointerUp(at('pointerup', 83.4, 50))
    expect(useViewStore().domain).toEqual([-5, 5])
  })

  it('keeps a dragged point inside the view', () => {
    const handlers = setup()
    handlers.onPointerDown(at('pointerdown', 70, 10))
    handlers.onPointerMove(at('pointermove', 140, 10))
    expect(useVariablesStore().point.x).toBe(5)
  })

  it('puts the point where the plot is clicked', () => {
    const handlers = setup()
    handlers.onPointerDown(at('pointerdown', 30, 80))
    handlers.onPointerMove(at('pointermove', 32, 80))
    handlers.onPointerUp(at('pointerup', 32, 80))
    expect(useVariablesStore().point.x).toBe(-1.8)
    expect(useViewStore().domain).toEqual([-5, 5])
  })

  it('puts the point exactly on a point of interest that is clicked', () => {
    const handlers = setup()
    datasets[DATASET.interest] = { data: [{ x: -1.234567, y: 0 }] }
    try {
      // The marker is drawn at pixel (37.65…, 50); a click 3 px away still picks it.
      handlers.onPointerDown(at('pointerdown', 40, 51))
      handlers.onPointerUp(at('pointerup', 40, 51))
      expect(useVariablesStore().point.x).toBe(-1.234567)
    } finally {
      delete datasets[DATASET.interest]
    }
  })

  describe('with a curve that a click selects (the graph node’s)', () => {
    /** A curve along y = −2 (pixel row 70), found within 4 px, that remembers what was clicked. */
    function curveAlongRow70() {
      const clicked: number[] = []
      let present = true
      const target: CurveTarget = {
        under: (event) => (present && Math.abs(event.clientY - 70) <= 4 ? 7 : null),
        click: (id) => clicked.push(id),
      }
      return { target, clicked, hide: () => (present = false) }
    }

    it('selects the curve clicked instead of placing the point', () => {
      const curve = curveAlongRow70()
      const handlers = setup(curve.target)
      handlers.onPointerDown(at('pointerdown', 30, 72))
      handlers.onPointerUp(at('pointerup', 30, 72))
      expect(curve.clicked).toEqual([7])
      expect(useVariablesStore().point.x).toBe(2)
    })

    it('takes the curve under the press, though the curve goes before the release', () => {
      const curve = curveAlongRow70()
      const handlers = setup(curve.target)
      handlers.onPointerDown(at('pointerdown', 30, 70))
      // Pressing on the plot moves the keyboard focus off the graph node: its curve goes.
      curve.hide()
      handlers.onPointerUp(at('pointerup', 30, 70))
      expect(curve.clicked).toEqual([7])
    })

    it('still places the point off the curve, drags the red point and pans from the curve', () => {
      const curve = curveAlongRow70()
      const handlers = setup(curve.target)
      handlers.onPointerDown(at('pointerdown', 30, 80))
      handlers.onPointerUp(at('pointerup', 30, 80))
      expect(useVariablesStore().point.x).toBe(-2)
      // The red point, drawn at pixel (70, 10), is dragged as before, across the curve.
      handlers.onPointerDown(at('pointerdown', 70, 10))
      handlers.onPointerMove(at('pointermove', 40, 70))
      handlers.onPointerUp(at('pointerup', 40, 70))
      expect(useVariablesStore().point.x).toBe(-1)
      // A drag that starts on the curve pans.
      handlers.onPointerDown(at('pointerdown', 30, 70))
      handlers.onPointerMove(at('pointermove', 50, 70))
      handlers.onPointerUp(at('pointerup', 50, 70))
      expect(useViewStore().domain).toEqual([-7, 3])
      expect(curve.clicked).toEqual([])
    })
  })

  it('does not move the point after a pan', () => {
    const handlers = setup()
    handlers.onPointerDown(at('pointerdown', 30, 80))
    handlers.onPointerMove(at('pointermove', 50, 80))
    handlers.onPointerUp(at('pointerup', 50, 80))
    expect(useVariablesStore().point.x).toBe(2)
    expect(useViewStore().domain).toEqual([-7, 3])
  })
})
