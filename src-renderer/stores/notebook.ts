import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { CellKind, NotebookDocument } from '../../core/ipynb'
import { MAX_STORED_CHARS } from './persisted'
import {
  cellsFromDocument,
  documentOfCells,
  newCellId,
  type NotebookCellState,
} from '../notebook/cells'
import { notebookKernel } from '../notebook/kernel'
import { useNotebookGraphStore } from './notebook-graph'
import { savedNotebook, stateRecord } from './notebook-state'
import { starterNotebook } from '../notebook/starter'

const SAVE_DELAY_MS = 300
/** The notebook view's namespace in the core (a lab step's cell has its own, see lab-cells). */
export const NOTEBOOK_SESSION = 'notebook'

/**
 * The notebook view: its cells, running them one after another in one namespace (Jupyter's kernel),
 * Restart, editing the list of cells, and saving it all with the rest of the state. The core is reached
 * through notebookKernel(); a failure of the call itself (a lost worker) is a notice, not a cell output.
 */
export const useNotebookStore = defineStore('notebook', () => {
  const cells = ref<NotebookCellState[]>(cellsFromDocument(starterNotebook()))
  const open = ref(false)
  /** What an export suggests as the file's name: the file or lab it came from. */
  const fileName = ref('notebook.ipynb')
  /** Cells waiting to run or running, in order: `In [*]`. */
  const pending = ref<string[]>([])
  const notice = shallowRef<string | null>(null)
  /**
   * Per cell, the names of the tensors its last run bound (RunCellResult.tensors), whose graphs its
   * output offers; not saved, since a reloaded page's namespace is empty.
   */
  const graphNames = ref<Record<string, string[]>>({})
  const graphView = useNotebookGraphStore()
  /** Whether the core's namespace was restarted since this page started (so counts start at 1). */
  let fresh = false
  let queue: Promise<unknown> = Promise.resolve()
  let timer: ReturnType<typeof setTimeout> | null = null

  const running = computed(() => pending.value[0] ?? null)
  const indexOf = (id: string) => cells.value.findIndex((cell) => cell.id === id)
  const ids = () => new Set(cells.value.map((cell) => cell.id))

  async function ensureFresh(): Promise<boolean> {
    if (fresh) return true
    const restarted = await notebookKernel().restartNotebook({ session: NOTEBOOK_SESSION })
    if (!restarted.ok)
      notice.value = restarted.diagnostics[0]?.message ?? 'The core did not answer.'
    fresh = restarted.ok
    return fresh
  }

  /** Runs one code cell; resolves to whether it ran without an error. */
  async function execute(id: string): Promise<boolean> {
    try {
      const cell = cells.value.find((c) => c.id === id)
      if (!cell || cell.kind !== 'code') return true
      if (!(await ensureFresh())) return false
      const result = await notebookKernel().runCell({
        session: NOTEBOOK_SESSION,
        source: cell.source,
        cellId: id,
      })
      const target = cells.value.find((c) => c.id === id)
      if (!result.ok) {
        notice.value = result.diagnostics[0]?.message ?? 'The core did not answer.'
        return false
      }
      notice.value = null
      if (target) {
        target.executionCount = result.value.executionCount
        target.outputs = result.value.outputs
      }
      graphNames.value = { ...graphNames.value, [id]: result.value.tensors ?? [] }
      if (graphView.name !== null) void graphView.refresh(NOTEBOOK_SESSION)
      return result.value.status === 'ok'
    } finally {
      pending.value = pending.value.filter((waiting) => waiting !== id)
    }
  }

  /** Queues cells to run in order; stops at the first error, as Jupyter's Run All does. */
  function runCells(list: string[]): Promise<boolean> {
    pending.value = [...pending.value, ...list]
    const run = queue.then(async () => {
      for (const [i, id] of list.entries()) {
        if (!(await execute(id))) {
          const rest = new Set(list.slice(i + 1))
          pending.value = pending.value.filter((waiting) => !rest.has(waiting))
          return false
        }
      }
      return true
    })
    queue = run.catch(() => false)
    return run
  }

  const run = (id: string) => runCells([id])
  const runAll = () =>
    runCells(cells.value.filter((cell) => cell.kind === 'code').map((cell) => cell.id))

  /** Clears the namespace; outputs stay on screen, as Jupyter leaves them, and the next cell is In [1]. */
  function restart(): Promise<void> {
    const done = queue.then(async () => {
      fresh = false
      // Every variable is gone: no output offers a graph any more.
      graphNames.value = {}
      graphView.close()
      await ensureFresh()
    })
    queue = done.catch(() => undefined)
    return done
  }

  function add(kind: CellKind, after: string | null, source = ''): string {
    const id = newCellId(ids())
    const cell: NotebookCellState = { id, kind, source, executionCount: null, outputs: [] }
    const found = after === null ? -1 : indexOf(after)
    cells.value.splice(found === -1 ? cells.value.length : found + 1, 0, cell)
    return id
  }

  function remove(id: string): void {
    const at = indexOf(id)
    if (at !== -1) cells.value.splice(at, 1)
    if (graphView.cellId === id) graphView.close()
  }

  function move(id: string, by: -1 | 1): void {
    const at = indexOf(id)
    const to = at + by
    if (at === -1 || to < 0 || to >= cells.value.length) return
    const [cell] = cells.value.splice(at, 1)
    if (cell) cells.value.splice(to, 0, cell)
  }

  function setSource(id: string, source: string): void {
    const cell = cells.value.find((c) => c.id === id)
    if (cell) cell.source = source
  }

  function setKind(id: string, kind: CellKind): void {
    const cell = cells.value.find((c) => c.id === id)
    if (!cell || cell.kind === kind) return
    cell.kind = kind
    cell.outputs = []
    cell.executionCount = null
    graphNames.value = { ...graphNames.value, [id]: [] }
    if (graphView.cellId === id) graphView.close()
  }

  /** Replaces the notebook (a .ipynb opened, the lab's notebook); the namespace starts empty. */
  async function load(document: NotebookDocument, name = 'notebook.ipynb'): Promise<void> {
    cells.value = cellsFromDocument(document)
    fileName.value = name
    open.value = true
    await restart()
  }

  const document = (png?: (cellId: string, index: number) => string | null) =>
    documentOfCells(cells.value, png)

  function save(): void {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const whole = stateRecord({ open: open.value, document: document() })
    // A notebook whose outputs make it too large to keep is saved without them: the code is what matters.
    const fits = JSON.stringify(whole).length < MAX_STORED_CHARS
    const record = fits
      ? whole
      : stateRecord({
          open: open.value,
          document: {
            cells: document().cells.map((c) => ({ ...c, outputs: [], executionCount: null })),
          },
        })
    if (!savedNotebook.save(record))
      notice.value = 'The notebook could not be saved (storage is full).'
  }

  /** Restores the saved notebook and starts saving changes; a damaged save becomes a notice. */
  function start(): void {
    const outcome = savedNotebook.load()
    if (outcome.kind === 'restored' || outcome.kind === 'migrated') {
      cells.value = cellsFromDocument(outcome.value.notebook as NotebookDocument)
      open.value = outcome.value.open
    } else if (outcome.kind === 'reset') {
      notice.value = `Started with a new notebook: ${outcome.reason}.`
    }
    watch(
      [cells, open],
      () => {
        if (timer !== null) clearTimeout(timer)
        timer = setTimeout(save, SAVE_DELAY_MS)
      },
      { deep: true },
    )
    if (typeof window !== 'undefined') window.addEventListener('pagehide', save)
  }

  return {
    cells,
    open,
    fileName,
    pending,
    graphNames,
    running,
    notice,
    run,
    runAll,
    restart,
    add,
    remove,
    move,
    setSource,
    setKind,
    load,
    document,
    save,
    start,
    dismissNotice: () => void (notice.value = null),
  }
})
