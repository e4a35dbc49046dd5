import type { Tensor } from '../autograd'
import type { CellSpan } from '../protocol/notebook'
import type { Expr } from './ast'
import type { Span } from './errors'

/**
 * Where each tensor of a session was made: the cell run and the characters of the expression that
 * returned it first (the innermost one: `u * v` inside `u * v + u ** 2`). The graph view labels its nodes
 * with this text, because the graph is the recorded one, not re-derived from source: a node made in a
 * loop or by an earlier cell still says where it came from. Keyed weakly, so a tensor no name holds any
 * more is forgotten with it.
 */
export interface CellRun {
  executionCount: number
  cellId: string | null
  source: string
}

export interface Origin {
  run: CellRun
  span: Span
  /** The expression, for the constants folded into its op; null for `y += x` (a statement). */
  expr: Expr | null
}

const origins = new WeakMap<Tensor, Origin>()
let running: CellRun | null = null

/** Set by runCell while a cell runs; null outside one (nothing is recorded then). */
export function setRunningCell(run: CellRun | null): void {
  running = run
}

/** Records `span` as where `tensor` came from, unless an inner expression was recorded already. */
export function noteOrigin(tensor: Tensor, span: Span, expr: Expr | null = null): void {
  if (running !== null && !origins.has(tensor)) origins.set(tensor, { run: running, span, expr })
}

export function originOf(tensor: Tensor): Origin | null {
  return origins.get(tensor) ?? null
}

/** The origin's characters, as written in its cell. */
export const originText = (origin: Origin): string =>
  origin.run.source.slice(origin.span.start, origin.span.end)

/** Offsets to 1-based lines and 0-based columns. */
export function cellSpanOf(source: string, span: Span): CellSpan {
  const position = (offset: number) => {
    const before = source.slice(0, Math.max(0, Math.min(offset, source.length)))
    const line = before.split('\n').length
    return { line, column: before.length - before.lastIndexOf('\n') - 1 }
  }
  const start = position(span.start)
  const end = position(span.end)
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column }
}
