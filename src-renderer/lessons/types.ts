/**
 * A lab is typed data: its steps, what each one explains, the PyTorch cell it mirrors and the plot that
 * shows it. Components only render this shape, so another lab is another data file, not new components.
 *
 * Text fields are prose with math between dollar signs: `$x^2$` inline, `$$…$$` on a line of its own
 * (rendered with KaTeX; see math-text.ts).
 */

/** What "Show me" loads into the explorer. */
export interface LessonPlot {
  /** The button's label ("Show me", or "Show ∂f/∂u" when a step has several plots). */
  label: string
  expression: string
  /** Slider values, every variable of the expression included. */
  point: Record<string, number>
  /** The plotted variable. */
  wrt: string
  domain: [number, number]
  /**
   * A fixed number of samples, drawn as points (the lab's `linspace(a, b, n)`), or null for a smooth curve
   * sampled at the plot's resolution.
   */
  samples: number | null
}

/**
 * A number a step states, checked against the core by the lesson test (so the prose can never drift from
 * what the app computes) and shown live in the panel.
 */
export type StatedValue =
  /** f at the plot's point. */
  | { kind: 'value'; plot: number; equals: number }
  /** ∂f/∂variable at the plot's point, as `variable.grad` after `backward()`. */
  | { kind: 'partial'; plot: number; variable: string; equals: number }
  /**
   * At every sample of the plot, ∂f/∂wrt equals `expression` evaluated there (the lab's `x.grad` after
   * the sum trick). `description` says it in words for the panel.
   */
  | { kind: 'gradient-series'; plot: number; expression: string; description: string }

/**
 * A question whose answer is ∂f/∂variable at the point. The expected number is computed by the core when
 * the learner checks, never written here.
 */
export interface LessonPractice {
  question: string
  expression: string
  point: Record<string, number>
  variable: string
  /** Answers within this distance of the core's value count as right (rounding by hand). */
  tolerance: number
  /** Shown after a wrong try. */
  hint: string
  /** The worked solution, line by line; `{answer}` is replaced by the core's value. */
  solution: string[]
}

export interface LessonStep {
  /** Stable across versions of the lab: progress is saved by id. */
  id: string
  title: string
  /** One line for the list of steps. */
  summary: string
  explanation: string[]
  /** The PyTorch cell of the lab this step mirrors: the step's notebook cell is pre-filled with it. */
  torch: string
  /**
   * A cell the lab wrote with a bug to learn from: running `torch` as written raises `raises` (the last
   * line of the traceback); `fix` says why in a sentence, and `fixed` is the cell that runs.
   */
  pitfall?: { raises: string; fix: string; fixed: string }
  plots: LessonPlot[]
  stated: StatedValue[]
  practice?: LessonPractice
  /**
   * "Open the graph": loads plot `plot` and opens the computation graph panel, with the sum trick's
   * linspace graph where the step is about it.
   */
  graph?: { plot: number; sumTrick?: boolean }
}

/** A step that asks a question. */
export type PracticeStep = LessonStep & { practice: LessonPractice }

export function isPracticeStep(step: LessonStep): step is PracticeStep {
  return step.practice !== undefined
}

/** A function to try after the lab, loaded into the explorer with one click. */
export interface ExploreNext {
  expression: string
  label: string
  /** What it shows, in one sentence. */
  why: string
}

export interface Lab {
  id: string
  title: string
  /** One sentence on what the learner will do. */
  intro: string
  steps: LessonStep[]
  /** Shown once every step is done: what the learner now knows, and what to explore next. */
  completion?: { message: string; explore: ExploreNext[] }
}
