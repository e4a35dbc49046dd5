import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import { layoutGraph, type GraphLayout } from '../../core/graph/layout'
import type { NotebookGraphResult } from '../../core/protocol/notebook'
import { notebookKernel } from '../notebook/kernel'

/**
 * The notebook's graph view: the graph of one namespace tensor, shown under the cell whose output asked
 * for it, read from the core (the namespace lives there) and asked again after every cell that runs, so
 * it shows the tensor the name holds now. The stepper walks the backward pass the core observed.
 */
export const useNotebookGraphStore = defineStore('notebook-graph', () => {
  /** The cell the view is under and the name it shows; null when closed. */
  const cellId = ref<string | null>(null)
  const name = ref<string | null>(null)
  const graph = shallowRef<NotebookGraphResult | null>(null)
  /** Why there is no graph (Python's NameError, a non-tensor, a graph too large, a lost core). */
  const problem = ref<string | null>(null)
  /** The backward steps run so far in the stepper; null shows the finished pass. */
  const step = ref<number | null>(null)
  let asked = 0

  const layout = computed<GraphLayout | null>(() =>
    graph.value && graph.value.nodes.length > 0 ? markRaw(layoutGraph(graph.value)) : null,
  )

  async function load(session: string): Promise<void> {
    if (name.value === null) return
    const ticket = ++asked
    const answer = await notebookKernel().notebookGraph({ session, name: name.value })
    if (ticket !== asked) return // a newer request (another name, another run) answers instead
    graph.value = answer.ok ? markRaw(answer.value) : null
    problem.value = answer.ok
      ? null
      : (answer.diagnostics[0]?.message ?? 'The core did not answer.')
    if (step.value !== null && step.value > (graph.value?.steps.length ?? 0)) step.value = null
  }

  function show(session: string, cell: string, tensor: string): Promise<void> {
    cellId.value = cell
    name.value = tensor
    graph.value = null
    problem.value = null
    step.value = null
    return load(session)
  }

  /** After a cell ran: the name may hold another tensor now, or a pass may have freed its graph. */
  function refresh(session: string): Promise<void> {
    return load(session)
  }

  function close(): void {
    asked++
    cellId.value = null
    name.value = null
    graph.value = null
    problem.value = null
    step.value = null
  }

  return { cellId, name, graph, problem, step, layout, show, refresh, close }
})
