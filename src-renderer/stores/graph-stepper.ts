import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { GraphResult, GraphStep } from '../../core/protocol/api'
import { useGraphStore } from './graph'

export type StepperMode = 'forward' | 'backward'

const PLAY_INTERVAL_MS = 900

/**
 * The forward and backward stepper of the graph panel. Forward, step k has computed the first k nodes (in
 * the order of `nodes`). Backward, step k has run the first k of the engine's steps: every node shows what
 * it has received so far, so a node fed by two ops shows its first share, then the sum. Playing advances
 * one step per interval until the end.
 */
export const useGraphStepperStore = defineStore('graph-stepper', () => {
  const graph = useGraphStore()
  const mode = ref<StepperMode | null>(null)
  const index = ref(0)
  const playing = ref(false)
  let timer: ReturnType<typeof setInterval> | null = null

  const total = computed(() => {
    const shown = graph.shown
    if (!shown || mode.value === null) return 0
    return mode.value === 'forward' ? shown.nodes.length : shown.steps.length
  })
  const atEnd = computed(() => index.value >= total.value)

  /** The backward step shown: the last one run. */
  const current = computed<GraphStep | null>(() =>
    mode.value === 'backward' && index.value > 0
      ? (graph.shown?.steps[index.value - 1] ?? null)
      : null,
  )

  /** What each node shows now: its data and its gradient, or null where the stepper has not reached it. */
  const revealed = computed(() => {
    const shown = graph.shown
    if (!shown) return null
    return revealedAt(shown, mode.value, index.value)
  })

  function start(next: StepperMode): void {
    pause()
    mode.value = next
    index.value = 0
  }
  function step(): void {
    if (index.value < total.value) index.value++
    if (atEnd.value) pause()
  }
  function back(): void {
    if (index.value > 0) index.value--
  }
  function restart(): void {
    pause()
    index.value = 0
  }
  function pause(): void {
    playing.value = false
    if (timer !== null) clearInterval(timer)
    timer = null
  }
  function play(): void {
    if (mode.value === null) start('backward')
    if (atEnd.value) index.value = 0
    playing.value = true
    timer = setInterval(step, PLAY_INTERVAL_MS)
  }
  function stop(): void {
    pause()
    mode.value = null
    index.value = 0
  }

  // A new expression has other steps: start over (values changing under a slider keep the position).
  watch(
    () => graph.layout,
    (next, previous) => {
      if (next !== previous) restart()
    },
  )

  return {
    mode,
    index,
    total,
    atEnd,
    playing,
    current,
    revealed,
    start,
    step,
    back,
    restart,
    play,
    pause,
    stop,
  }
})

export interface Revealed {
  value: boolean[]
  /** Per node, its gradient so far (null: nothing has reached it yet). */
  gradient: (number[] | null)[]
  /** Nodes that received a share in the last step, and the node that ran it. */
  active: number | null
  receiving: number[]
}

export function revealedAt(graph: GraphResult, mode: StepperMode | null, index: number): Revealed {
  const count = graph.nodes.length
  if (mode === null) {
    return {
      value: Array(count).fill(true),
      gradient: graph.nodes.map((node) => node.gradient),
      active: null,
      receiving: [],
    }
  }
  if (mode === 'forward') {
    return {
      value: graph.nodes.map((node) => node.id < index),
      gradient: Array(count).fill(null),
      active: index > 0 ? index - 1 : null,
      receiving: [],
    }
  }
  const gradient: (number[] | null)[] = Array(count).fill(null)
  const first = graph.steps[0]
  if (graph.output !== null && first) gradient[graph.output] = first.upstream
  for (const step of graph.steps.slice(0, index)) {
    for (const flow of step.flows) gradient[flow.input] = flow.total
  }
  const last = index > 0 ? graph.steps[index - 1] : undefined
  return {
    value: Array(count).fill(true),
    gradient,
    active: last?.node ?? null,
    receiving: last?.flows.map((flow) => flow.input) ?? [],
  }
}
