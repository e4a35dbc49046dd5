import type { Ref } from 'vue'
import { DATASET } from '../../core/picture/chart-config'
import type { LineChart } from './useChart'
import { useVariablesStore } from '../stores/variables'
import { useViewStore } from '../stores/view'

const WHEEL_SENSITIVITY = 0.0015
export const ZOOM_STEP = 0.8
const PAN_STEP = 0.1
/** How close (in CSS pixels) a press must be to the point to pick it up, as Desmos's touch target. */
export const GRAB_RADIUS = 12
/** A press that moves less than this is a click (it places the point), not a pan. */
export const CLICK_SLOP = 4

type Drag =
  | { kind: 'point'; pointerId: number }
  | {
      kind: 'pan'
      pointerId: number
      startX: number
      domain: [number, number]
      moved: boolean
      /** What a curve target found under the press, taken then: the curve may go with the focus. */
      curve: number | null
    }

/** Something drawn on the chart that a click selects (the graph node's curve), instead of placing the point. */
export interface CurveTarget {
  /** Its id under the pointer, or null. */
  under(event: PointerEvent): number | null
  click(id: number): void
}

/**
 * The chart's pointer and keys, as in Desmos and GeoGebra: pressing on the red point drags it along the
 * curve (the plotted variable's slider follows); a click on a marker puts the point on it, a click on
 * the graph node's curve (`curve`) selects the node, a click elsewhere puts the point there; a drag pans; the wheel zooms around the cursor; + − ← → 0 on the focused chart zoom, pan and reset. The view
 * only changes the domain and the slider; the evaluation store resamples for them.
 */
export function usePanZoom(
  surface: Ref<HTMLElement | null>,
  chart: () => LineChart | null,
  curve?: CurveTarget,
) {
  const view = useViewStore()
  const variables = useVariablesStore()
  let drag: Drag | null = null

  function valueAt(clientX: number): number | undefined {
    const instance = chart()
    const element = surface.value
    if (!instance || !element) return undefined
    const pixel = clientX - instance.canvas.getBoundingClientRect().left
    return instance.scales.x?.getValueForPixel(pixel)
  }

  /** Whether a press at these client coordinates is within GRAB_RADIUS of a drawn (x, y). */
  function near(event: PointerEvent, point: { x: number; y: number }): boolean {
    const instance = chart()
    const { x: xScale, y: yScale } = instance?.scales ?? {}
    if (!instance || !xScale || !yScale || !Number.isFinite(point.y)) return false
    const box = instance.canvas.getBoundingClientRect()
    const dx = event.clientX - box.left - xScale.getPixelForValue(point.x)
    const dy = event.clientY - box.top - yScale.getPixelForValue(point.y)
    return Math.hypot(dx, dy) <= GRAB_RADIUS
  }

  /** Whether a press at these client coordinates lands on the drawn point. */
  function onPoint(event: PointerEvent): boolean {
    const point = chart()?.data.datasets[DATASET.point]?.data[0]
    return point !== undefined && near(event, point)
  }

  /** The x of a point of interest, kink or pole marker under the press, if any (exact, not on a step). */
  function markerUnder(event: PointerEvent): number | undefined {
    const datasets = chart()?.data.datasets ?? []
    for (const index of [DATASET.interest, DATASET.breaks]) {
      const hit = (datasets[index]?.data ?? []).find((marker) => near(event, marker))
      if (hit) return hit.x
    }
    return undefined
  }

  /** Moves the plotted variable to the value under the pointer, on the slider's step, inside the view. */
  function placePoint(clientX: number): void {
    const value = valueAt(clientX)
    if (value === undefined || !Number.isFinite(value)) return
    const [min, max] = view.domain
    const { step } = variables.slider(variables.wrt)
    const snapped = Math.round(value / step) * step
    // Rounded to the step's decimals, so 0.1 steps give 2.3 and not 2.3000000000000003.
    const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1)
    const inside = Math.min(max, Math.max(min, Number(snapped.toFixed(decimals))))
    variables.setValue(variables.wrt, inside)
  }

  function onWheel(event: WheelEvent): void {
    event.preventDefault()
    view.zoom(Math.exp(event.deltaY * WHEEL_SENSITIVITY), valueAt(event.clientX))
  }

  function onPointerDown(event: PointerEvent): void {
    if (event.button !== 0) return
    drag = onPoint(event)
      ? { kind: 'point', pointerId: event.pointerId }
      : {
          kind: 'pan',
          pointerId: event.pointerId,
          startX: event.clientX,
          domain: [...view.domain],
          moved: false,
          curve: curve?.under(event) ?? null,
        }
    surface.value?.setPointerCapture?.(event.pointerId)
    if (drag.kind === 'point' && surface.value) surface.value.style.cursor = 'grabbing'
  }

  function onPointerMove(event: PointerEvent): void {
    const instance = chart()
    if (!drag || drag.pointerId !== event.pointerId || !instance) {
      // Hovering: the point says it can be picked up.
      if (!drag && surface.value) {
        const over = onPoint(event)
          ? 'grab'
          : (curve?.under(event) ?? null) !== null
            ? 'pointer'
            : ''
        surface.value.style.cursor = over
      }
      return
    }
    if (drag.kind === 'point') {
      placePoint(event.clientX)
      return
    }
    if (!drag.moved && Math.abs(event.clientX - drag.startX) < CLICK_SLOP) return
    drag.moved = true
    const width = instance.chartArea.right - instance.chartArea.left
    if (width <= 0) return
    const [min, max] = drag.domain
    const shift = ((event.clientX - drag.startX) / width) * (max - min)
    view.setDomain(min - shift, max - shift)
  }

  function onPointerUp(event: PointerEvent): void {
    if (drag?.pointerId !== event.pointerId) return
    // A press that did not move is a click: the point goes where it was, or exactly onto the marker
    // clicked (a critical point, a zero, a kink), as the list under the chart does.
    if (drag.kind === 'pan' && !drag.moved) {
      const marker = markerUnder(event)
      if (marker !== undefined) variables.setValue(variables.wrt, marker)
      else if (drag.curve !== null) curve?.click(drag.curve)
      else placePoint(event.clientX)
    }
    drag = null
    if (surface.value) surface.value.style.cursor = ''
  }

  function onPointerCancel(event: PointerEvent): void {
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

  return { onWheel, onPointerDown, onPointerMove, onPointerUp, onPointerCancel, onKeydown }
}
