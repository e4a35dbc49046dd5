import type { Figure } from '../protocol/notebook'
import type { Span } from './errors'

/** What a running cell writes to: its streams, its warnings, its figures, in order. */
export type Emitted =
  | { type: 'stdout' | 'stderr'; text: string }
  | {
      type: 'warning'
      category: string
      message: string
      span: Span
      /**
       * Where Python's warning registry places it: 'line' for a warning raised at the cell's line (the
       * non-leaf .grad read: shown once per line), 'library' for one raised inside torch (shown once).
       */
      origin: 'line' | 'library'
    }
  | { type: 'figure'; figure: Figure }

export interface RunContext {
  emit(output: Emitted): void
  /** The span of the statement running, for warnings raised inside a call. */
  currentSpan(): Span
}

let current: RunContext | null = null
export function setContext(context: RunContext | null): void {
  current = context
}
export function emit(output: Emitted): void {
  current?.emit(output)
}
export function warn(
  message: string,
  origin: 'line' | 'library' = 'line',
  category = 'UserWarning',
): void {
  if (current)
    current.emit({ type: 'warning', category, message, span: current.currentSpan(), origin })
}
