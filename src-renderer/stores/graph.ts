import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef, watch } from 'vue'
import { layoutGraph, type GraphLayout } from '../../core/graph/layout'
import type { GraphRequest, GraphResult } from '../../core/protocol/api'
import type { Diagnostic } from '../../core/protocol/diagnostics'
import { calculusClient } from '../api/calculus'
import { useExpressionStore } from './expression'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

/** Samples of the slice graph whose node values are drawn on the chart (and shown with the sum trick). */
export const GRAPH_SLICE_SAMPLES = 201

/**
 * The graph panel's data: the graph at the point (what the panel shows and steps through) and the graph
 * over the plotted slice (the sum trick: its nodes' vectors are the curves drawn on the chart). Both are
 * asked of the core while the panel is open, newest state winning, at most one request of each in flight.
 * The layout is computed once per graph structure (names, labels, edges), never per slider position.
 */
export const useGraphStore = defineStore('graph', () => {
  const expression = useExpressionStore()
  const variables = useVariablesStore()
  const view = useViewStore()

  const open = ref(false)
  /** Show the slice graph (vectors ending in SumBackward0) instead of the graph at the point. */
  const sumTrick = ref(false)
  const atPoint = shallowRef<GraphResult | null>(null)
  const overSlice = shallowRef<GraphResult | null>(null)
  const diagnostics = shallowRef<Diagnostic[]>([])
  /** The node under the pointer or keyboard focus, and the node clicked (kept when the pointer leaves). */
  const hovered = ref<number | null>(null)
  const selected = ref<number | null>(null)

  const pointRequest = computed<GraphRequest | null>(() =>
    open.value && expression.validText !== null
      ? { expression: expression.validText, point: { ...variables.point } }
      : null,
  )
  // The slice graph is asked for only when something shows it (a focused node's curve, the sum trick):
  // while a slider is dragged with neither, the worker has the evaluate and one small graph per frame.
  const sliceRequest = computed<GraphRequest | null>(() => {
    const base = pointRequest.value
    if (!base || (!sumTrick.value && hovered.value === null && selected.value === null)) return null
    const samples = view.fixedSamples ?? GRAPH_SLICE_SAMPLES
    return { ...base, slice: { wrt: variables.wrt, domain: [...view.domain], samples } }
  })

  /** Sends the newest request of one kind; while one is in flight, later changes wait for its answer. */
  function follower(
    source: () => GraphRequest | null,
    receive: (graph: GraphResult | null, problems: Diagnostic[]) => void,
  ) {
    let busy = false
    let dirty = false
    async function send(): Promise<void> {
      dirty = false
      const request = source()
      if (!request) return receive(null, [])
      busy = true
      const answer = await calculusClient().graph(request)
      busy = false
      if (answer.ok) receive(markRaw(answer.value), [])
      else receive(null, answer.diagnostics)
      if (dirty) void send()
    }
    return () => {
      if (busy) dirty = true
      else void send()
    }
  }

  watch(
    pointRequest,
    follower(
      () => pointRequest.value,
      (graph, problems) => {
        if (graph || problems.length > 0) atPoint.value = graph
        diagnostics.value = problems
      },
    ),
    { immediate: true },
  )
  watch(
    sliceRequest,
    follower(
      () => sliceRequest.value,
      (graph) => (overSlice.value = graph),
    ),
    { immediate: true },
  )

  const shown = computed(() => (sumTrick.value ? overSlice.value : atPoint.value))

  let layoutKey = ''
  let cachedLayout: GraphLayout | null = null
  const layout = computed<GraphLayout | null>(() => {
    const graph = shown.value
    if (!graph) return null
    const key = graph.nodes
      .map((node) => `${node.name}|${node.label}|${node.inputs}|${node.shape.length}`)
      .join(';')
    if (key !== layoutKey || cachedLayout === null) {
      cachedLayout = markRaw(layoutGraph(graph))
      layoutKey = key
    }
    return cachedLayout
  })

  /** The node whose sub-expression is highlighted and whose curve is drawn: hovered, else selected. */
  const focus = computed(() => hovered.value ?? selected.value)
  const focusNode = computed(() =>
    focus.value === null ? null : (shown.value?.nodes[focus.value] ?? null),
  )
  const highlight = computed(() => focusNode.value?.spans ?? [])

  /** Also draw the focused node's gradient along the slice (the panel's toggle). */
  const showGradient = ref(false)

  /**
   * The focused node's value along the plotted slice, for the chart (null for the sum, a scalar), and
   * its gradient ∂f/∂node when asked for; `id` lets a click on the curve select the node.
   */
  const focusCurve = computed(() => {
    const node = focus.value === null ? null : overSlice.value?.nodes[focus.value]
    const x = overSlice.value?.nodes.find(
      (candidate) => candidate.kind === 'leaf' && candidate.label === variables.wrt,
    )
    if (!node || !x || node.shape.length === 0) return null
    const gradient = showGradient.value ? { label: `∂f/∂(${node.label})`, ys: node.gradient } : null
    return {
      id: node.id,
      label: `${node.label} (${node.name})`,
      xs: x.value,
      ys: node.value,
      gradient,
    }
  })

  const samples = computed(() => overSlice.value?.nodes[0]?.value.length ?? 1)
  /** A sample the learner chose (the panel's slider); forgotten when the point or the slice moves. */
  const pickedSample = ref<number | null>(null)
  watch(
    () => [variables.point[variables.wrt], variables.wrt, ...view.domain],
    () => (pickedSample.value = null),
  )
  /** Which sample of the slice the sum trick's numbers and sparklines show: chosen, else nearest the point. */
  const sample = computed(() => {
    const last = samples.value - 1
    if (pickedSample.value !== null) return Math.min(Math.max(pickedSample.value, 0), last)
    const [min, max] = view.domain
    const at = variables.point[variables.wrt] ?? 0
    return Math.min(Math.max(Math.round(((at - min) / (max - min)) * last), 0), last)
  })

  function openPanel(options: { sumTrick?: boolean } = {}): void {
    open.value = true
    sumTrick.value = options.sumTrick ?? false
  }

  return {
    open,
    sumTrick,
    atPoint,
    overSlice,
    shown,
    diagnostics,
    layout,
    hovered,
    selected,
    focus,
    focusNode,
    highlight,
    showGradient,
    focusCurve,
    samples,
    pickedSample,
    sample,
    openPanel,
  }
})
