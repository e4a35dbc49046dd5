import type { Ref } from 'vue'
import type { LineChart } from './useChart'
import { useViewStore } from '../stores/view'

const WHEEL_SENSITIVITY = 0.0015
export const ZOOM_STEP = 0.8
const PAN_STEP = 0.1

/**
 * Zoom and pan of the plotted variable's range with the wheel (around the cursor), a drag, and the keys
 * + − ← → 0 on the focused chart. It only changes the view's domain; the evaluation store resamples for it.
 */
export function usePanZoom(surface: Ref<HTMLElement | null>, chart: () => LineChart | null) {
  const view = useViewStore()
  let drag: { pointerId: number; startX: number; domain: [number, number] } | null = null

  function valueAt(clientX: number): number | undefined {
    const instance = chart()
    const element = surface.value
    if (!instance || !element) return undefined
    const pixel = clientX - instance.canvas.getBoundingClientRect().left
    return instance.scales.x?.getValueForPixel(pixel)
  }

  function onWheel(event: WheelEvent): void {
    event.preventDefault()
    view.zoom(Math.exp(event.deltaY * WHEEL_SENSITIVITY), valueAt(event.clientX))
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return
    drag = { pointerId: event.pointerId, startX: event.clientX, domain: [...view.domain] }
    surface.value?.setPointerCapture?.(event.pointerId)
  }

  function onPointerMove(event: PointerEvent): void {
    const instance = chart()
    if (!drag || drag.pointerId !== event.pointerId || !instance) return
    const width = instance.chartArea.right - instance.chartArea.left
    if (width <= 0) return
    const [min, max] = drag.domain
    const shift = ((event.clientX - drag.startX) / width) * (max - min)
    view.setDomain(min - shift, max - shift)
  }

  function onPointerUp(event: PointerEvent): void {
    if (drag?.pointerId === event.pointerId) drag = null
  }

  function onKeydown(event: KeyboardEvent): void {
    const actions: Record<string, () => void> = {
      '+': () => view.zoom(ZOOM_STEP),
      '=': () => view.zoom(ZOOM_STEP),
      '-': () => view.zoom(1 / ZOOM_STEP),
      ArrowLeft: () => view.pan(-PAN_STEP),
      ArrowRight: () => view.pan(PAN_STEP),
      '0': () => view.reset(),
      Home: () => view.reset(),
    }
    const action = actions[event.key]
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return
    event.preventDefault()
    action()
  }

  return { onWheel, onPointerDown, onPointerMove, onPointerUp, onKeydown }
}
