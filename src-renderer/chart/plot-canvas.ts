import { onBeforeUnmount, onMounted, shallowRef, type Ref, type ShallowRef } from 'vue'

/**
 * The canvas the explorer's chart is drawn on, as its owner (PlotPanel) publishes it: the export measures
 * it to make the image the size the learner sees. A shallow ref to the element, never reactive state of it.
 */
const published: ShallowRef<HTMLCanvasElement | null> = shallowRef(null)

/** Called by the chart's owner: publishes its canvas while it is mounted. */
export function publishPlotCanvas(canvas: Ref<HTMLCanvasElement | null>): void {
  onMounted(() => (published.value = canvas.value))
  onBeforeUnmount(() => {
    if (published.value === canvas.value) published.value = null
  })
}

/** The explorer's chart canvas, or null while no chart is on screen. */
export function plotCanvas(): Readonly<ShallowRef<HTMLCanvasElement | null>> {
  return published
}
