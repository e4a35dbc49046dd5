import type { GraphNode, GraphResult } from './api'
import type { Result } from './result'

/**
 * The notebook's contract: running the lab's PyTorch cells in the core worker, one Python namespace per
 * notebook session (a window's notebook), as Jupyter's kernel does. The core interprets a Python subset
 * itself (core/notebook/: its own lexer, parser and evaluator, never eval) and prints what PyTorch 1.13
 * prints. Python's own errors (NameError, RuntimeError…) are not failures of the call: they are an `error`
 * output of a cell that ran. A call fails (Result.ok false) only for an invalid request, a deadline or a
 * crashed worker; a replaced worker starts with empty namespaces, which `executionCount` restarting at 1
 * shows.
 *
 * Names and meanings follow nbformat 4's outputs (stream, execute_result, error), so the renderer can
 * write them into a `.ipynb` as they are; `warning` and `figure` are ours (Jupyter shows a warning as
 * stderr text, which `warning.text` is, and a figure as a PNG).
 */

/** Where in the cell an error or a warning is: 1-based lines, 0-based columns, end exclusive. */
export interface CellSpan {
  line: number
  column: number
  endLine: number
  endColumn: number
}

/** print() and friends: text exactly as Python writes it, newlines included. */
export interface StreamOutput {
  type: 'stream'
  name: 'stdout' | 'stderr'
  text: string
}

/** The cell's last bare expression echoed as Jupyter does (`Out[n]`): its repr, unless it is None. */
export interface ExecuteResultOutput {
  type: 'execute_result'
  executionCount: number
  text: string
}

/** A Python warning, as PyTorch raises it (the non-leaf `.grad` read): shown once per cell line. */
export interface WarningOutput {
  type: 'warning'
  /** 'UserWarning' for every warning PyTorch gives in the supported subset. */
  category: string
  /** The warning's message, as PyTorch words it. */
  message: string
  span: CellSpan
  /** What Python writes to stderr: `<cell>:LINE: UserWarning: message\n  source line\n`. */
  text: string
}

/** An exception that stopped the cell. Later statements did not run; earlier ones kept their effects. */
export interface ErrorOutput {
  type: 'error'
  /** Python's exception class: 'NameError', 'RuntimeError', 'AttributeError', 'TypeError'… and two of ours:
   * 'NotSupportedError' (valid Python the notebook does not run) and 'StepLimitError' (a step budget hit). */
  ename: string
  /** The exception's message: `${ename}: ${evalue}` is the traceback's last line, as Python prints it. */
  evalue: string
  /** A short traceback, one line per string, no colour codes; the last is `${ename}: ${evalue}`. */
  traceback: string[]
  /** The characters the error is about (the failing call, the unknown name, the unsupported syntax). */
  span: CellSpan
  /** One line on why this happens, for the confusions learners meet most (see core/notebook/why.ts). */
  why?: string
}

/** One line of a figure, as matplotlib's Line2D holds it. */
export interface FigureSeries {
  x: number[]
  y: number[]
  /** The label= given to plot(); null when none (matplotlib's `_childN`, left out of a legend). */
  label: string | null
  /** matplotlib's colour as hex, from the default cycle C0 '#1f77b4', C1 '#ff7f0e', … C9 '#17becf'. */
  color: string
  /** The cycle position, 'C0'…'C9', or null when the cell gave the colour. */
  cycle: string | null
}

/** What `plt.show()` (or the end of a cell with an open figure, as Jupyter's inline backend) draws. */
export interface Figure {
  series: FigureSeries[]
  /** '' when unset, as matplotlib's get_xlabel(). */
  xlabel: string
  ylabel: string
  title: string
  /** Whether plt.legend() was called. */
  legend: boolean
}

export interface FigureOutput {
  type: 'figure'
  figure: Figure
}

export type CellOutput =
  StreamOutput | ExecuteResultOutput | WarningOutput | ErrorOutput | FigureOutput

export interface RunCellRequest {
  /**
   * The namespace the cell runs in: 1 to LIMITS.notebook.sessionIdLength characters of [A-Za-z0-9_.:-].
   * Cells of one session share variables, as Jupyter's cells share one kernel.
   */
  session: string
  /** The cell's Python code: at most LIMITS.notebook.sourceLength characters. */
  source: string
  /** The renderer's id of the cell (at most LIMITS.notebook.cellIdLength characters); names it in tracebacks. */
  cellId?: string
  /**
   * 'cell' (default): echo the last bare expression, as Jupyter does. 'script': as `python FILE.py` runs,
   * no echo (the CLI's `run`).
   */
  mode?: 'cell' | 'script'
}

export interface RunCellResult {
  /** Jupyter's `In [n]`: 1 for the session's first cell, counting every cell run since the last restart. */
  executionCount: number
  /** 'error' when the last output is an ErrorOutput. */
  status: 'ok' | 'error'
  /** In the order the cell produced them; stream text is merged while consecutive and of the same name. */
  outputs: CellOutput[]
  /**
   * The namespace names whose graph `notebookGraph` can show after this cell: the names the cell bound
   * that hold a tensor requiring grad when it ended, in the order first bound, then the echoed value's
   * name when the echo is such a tensor of the namespace (`f` echoing f). Empty for a script. The core
   * always sends it; a kernel without graphs (a test's stand-in) may leave it out, which means none.
   */
  tensors?: string[]
}

export interface RestartNotebookRequest {
  session: string
}
export interface RestartNotebookResult {
  /** The restarted session: empty namespace, the next cell is `In [1]`. */
  session: string
}

/** The graph autograd recorded for the tensor a namespace name holds (the graph view of a cell's output). */
export interface NotebookGraphRequest {
  session: string
  /** A Python identifier of at most LIMITS.notebook.nameLength characters. */
  name: string
}

/** Where a node's tensor was made: the cell run and the characters of the expression that returned it. */
export interface NodeSource {
  /** The run's `In [n]`. */
  executionCount: number
  /** The cell's id as runCell was given it; null when none was. */
  cellId: string | null
  span: CellSpan
  /** The characters, as the cell had them when it ran (the cell may have been edited since). */
  text: string
}

/**
 * A node of a notebook graph: the explorer's GraphNode (PyTorch's names, `.data`, the gradient) whose
 * `spans` are always empty, since they are offsets into the explorer's expression; `source` says where in
 * the notebook the tensor came from instead. A leaf's label is the namespace name that holds it (several
 * joined by ', '), else the source text; an op's label is its source text. Where the backward pass is
 * unavailable, `gradient` is [] rather than a made-up number.
 */
export interface NotebookGraphNode extends GraphNode {
  source: NodeSource | null
}

/**
 * How the gradients were obtained. 'ran': a backward pass from the tensor, run for this view only: it
 * retains the graph and leaves every `.grad` as it was, so the learner's own `backward()` later behaves
 * exactly as without it. `seed` is 'one' for a one-element tensor; 'ones' for any other (the sum trick:
 * the gradients are those of `t.sum()`, i.e. `t.backward(torch.ones_like(t))`). 'freed': a backward pass
 * without retain_graph=True already freed saved tensors this pass needs, so PyTorch could not run it again
 * either (`message` is PyTorch's error); 'no-grad': the tensor does not require grad, so there is no graph.
 */
export type NotebookBackward =
  | { status: 'ran'; seed: 'one' | 'ones' }
  | { status: 'freed'; message: string }
  | { status: 'no-grad'; message: string }

export interface NotebookGraphResult extends GraphResult {
  /** The namespace name asked for. */
  name: string
  /** The tensor's dtype ('float32', 'float64'). */
  dtype: string
  nodes: NotebookGraphNode[]
  backward: NotebookBackward
}

/** The notebook's methods; `CalculusApi` (api.ts) extends this, so the worker, main, preload and the
 * renderer's client serve both like `evaluate`. */
export interface NotebookApi {
  runCell(request: RunCellRequest): Promise<Result<RunCellResult>>
  restartNotebook(request: RestartNotebookRequest): Promise<Result<RestartNotebookResult>>
  /**
   * Fails (Result.ok false, code 'no-graph') with Python's words when the name is not defined
   * (`NameError: name 'q' is not defined`), holds no tensor, or the graph is past LIMITS.notebook.graphNodes.
   */
  notebookGraph(request: NotebookGraphRequest): Promise<Result<NotebookGraphResult>>
}

export const NOTEBOOK_METHODS = [
  'runCell',
  'restartNotebook',
  'notebookGraph',
] as const satisfies readonly (keyof NotebookApi)[]

/** matplotlib's default property cycle (matplotlibrc `axes.prop_cycle`, the 'tab10' colours). */
export const MATPLOTLIB_CYCLE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#7f7f7f',
  '#bcbd22',
  '#17becf',
] as const
