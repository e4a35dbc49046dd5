import {
  Interaction,
  type Chart,
  type ChartEvent,
  type InteractionItem,
  type InteractionModeFunction,
} from 'chart.js'
import { DATASET } from '../../core/picture/chart-config'

/** How close (CSS pixels) a click must be to a sample of the graph node's curve to be a click on it. */
export const NODE_CURVE_RADIUS = 6

declare module 'chart.js' {
  interface InteractionModeMap {
    graphNodeCurve: InteractionModeFunction
  }
}

/**
 * Chart.js's `nearest` hit test, kept to the graph node's dataset and to NODE_CURVE_RADIUS: the sample of
 * the node's curve under the pointer, even where f or f′ run closer (the output node's curve is f's
 * own). A custom interaction mode, so Chart.js walks its own elements (skipping NaN samples).
 */
/** In the canvas's CSS pixels: a ChartEvent carries them; a native event (ours) has client pixels. */
function positionOf(event: ChartEvent | MouseEvent, chart: Chart): { x: number; y: number } {
  if ('native' in event) return { x: event.x ?? Number.NaN, y: event.y ?? Number.NaN }
  const box = chart.canvas.getBoundingClientRect()
  return { x: event.clientX - box.left, y: event.clientY - box.top }
}

const graphNodeCurve: InteractionModeFunction = (chart, event, _options, useFinalPosition) => {
  const position = positionOf(event as ChartEvent | MouseEvent, chart)
  if (!chart.isPointInArea(position)) return []
  let nearest: InteractionItem | null = null
  let distance = NODE_CURVE_RADIUS
  Interaction.evaluateInteractionItems(chart, 'xy', position, (element, datasetIndex, index) => {
    if (datasetIndex !== DATASET.node) return
    const { x, y } = element.getCenterPoint(useFinalPosition)
    if (x === null || y === null) return
    const away = Math.hypot(x - position.x, y - position.y)
    if (away <= distance) {
      nearest = { element, datasetIndex, index }
      distance = away
    }
  })
  return nearest ? [nearest] : []
}
Interaction.modes.graphNodeCurve = graphNodeCurve

/** Whether a pointer event is on the graph node's curve (false while none is drawn). */
export function onNodeCurve(chart: Chart, event: PointerEvent): boolean {
  if (!chart.isDatasetVisible(DATASET.node)) return false
  return chart.getElementsAtEventForMode(event, 'graphNodeCurve', {}, false).length > 0
}
