import { LIMITS } from '../protocol/limits'
import type { CellOutput, CellSpan, RunCellResult } from '../protocol/notebook'
import { resetBudget } from './budget'
import { setContext, type Emitted } from './context'
import type { PyError } from './errors'
import { Interpreter, located, repr, type Namespace } from './interpreter'
import { createModules } from './imports'
import { parse } from './parser'
import { flushFigures } from './pyplot'
import * as ag from '../autograd'
import {
  float32Results,
  fusedBackward,
  getDefaultDtype,
  NbTensor,
  setDefaultDtype,
  type DType,
} from './tensor'
import { setGradMode } from './torch-module'
import { whyOf } from './why'
import { cellSpanOf, setRunningCell } from './origins'

/**
 * Runs one cell in a session's namespace and collects what it printed, warned, drew and raised, in order.
 * Never throws: whatever goes wrong inside is an output.
 */
export interface Session {
  ns: Namespace
  executionCount: number
  defaultDtype: DType
}

export function createSession(): Session {
  return {
    ns: { globals: new Map(), modules: createModules() },
    executionCount: 0,
    defaultDtype: 'float32',
  }
}

export interface RunOptions {
  mode: 'cell' | 'script'
  /** What tracebacks and warnings call the code: a file name in a script, `Cell In [n]` in a notebook. */
  fileName?: string
  /** The renderer's id of the cell, kept with the tensors it makes (the graph view's node sources). */
  cellId?: string
}

/** The cell's names that hold a tensor requiring grad, then the echoed tensor's name (RunCellResult). */
function graphNames(ns: Namespace, bound: Iterable<string>, echoed: unknown): string[] {
  const holdsGraph = (name: string) => {
    const value = ns.globals.get(name)
    return value instanceof NbTensor && value.t.requiresGrad
  }
  const names = [...bound].filter(holdsGraph)
  if (echoed instanceof NbTensor && echoed.t.requiresGrad) {
    const holder = [...ns.globals].find(([, value]) => value === echoed)?.[0]
    if (holder !== undefined && !names.includes(holder)) names.push(holder)
  }
  return names
}

const sourceLine = (source: string, line: number): string => source.split('\n')[line - 1] ?? ''

function traceback(
  source: string,
  error: PyError,
  where: CellSpan,
  options: RunOptions,
  count: number,
): string[] {
  const last = `${error.ename}: ${error.evalue}`
  const code = sourceLine(source, where.line).trim()
  const location =
    options.mode === 'script'
      ? `  File "${options.fileName ?? '<stdin>'}", line ${where.line}${error.ename === 'SyntaxError' || error.ename === 'IndentationError' ? '' : ', in <module>'}`
      : `  Cell In [${count}], line ${where.line}`
  const lines =
    error.ename === 'SyntaxError' || error.ename === 'IndentationError'
      ? []
      : ['Traceback (most recent call last):']
  lines.push(location)
  if (code) lines.push(`    ${code}`)
  lines.push(last)
  return lines
}

export function runCell(session: Session, source: string, options: RunOptions): RunCellResult {
  session.executionCount += 1
  const count = session.executionCount
  const outputs: CellOutput[] = []
  let written = 0
  let figures = 0
  let truncated = false
  const warned = new Set<string>()
  const fileName =
    options.fileName ?? (options.mode === 'script' ? '<stdin>' : `Cell In [${count}]`)
  let interpreter: Interpreter | null = null

  const push = (output: Emitted) => {
    if (output.type === 'stdout' || output.type === 'stderr') {
      if (truncated) return
      let text = output.text
      if (written + text.length > LIMITS.notebook.outputLength) {
        text =
          text.slice(0, Math.max(0, LIMITS.notebook.outputLength - written)) +
          `\n[output cut at ${LIMITS.notebook.outputLength} characters]\n`
        truncated = true
      }
      written += text.length
      const last = outputs[outputs.length - 1]
      if (last && last.type === 'stream' && last.name === output.type) last.text += text
      else outputs.push({ type: 'stream', name: output.type, text })
    } else if (output.type === 'warning') {
      const where = cellSpanOf(source, output.span)
      const key = output.origin === 'line' ? `line ${where.line}` : output.message
      if (warned.has(key)) return
      warned.add(key)
      const text = `${fileName}:${where.line}: ${output.category}: ${output.message}\n  ${sourceLine(source, where.line).trim()}\n`
      outputs.push({
        type: 'warning',
        category: output.category,
        message: output.message,
        span: where,
        text,
      })
    } else if (
      output.type === 'figure' &&
      options.mode === 'cell' &&
      figures < LIMITS.notebook.figures
    ) {
      figures++
      outputs.push({ type: 'figure', figure: output.figure })
    }
  }

  resetBudget()
  setDefaultDtype(session.defaultDtype)
  setGradMode(true)
  ag.setResultHook(float32Results)
  ag.setBackwardHook(fusedBackward)
  setContext({ emit: push, currentSpan: () => interpreter?.current ?? { start: 0, end: 0 } })
  setRunningCell({ executionCount: count, cellId: options.cellId ?? null, source })
  let status: RunCellResult['status'] = 'ok'
  let echoed: unknown = null
  try {
    const body = parse(source)
    interpreter = new Interpreter(session.ns)
    const last = body[body.length - 1]
    const echo = options.mode === 'cell' && last?.kind === 'expr'
    interpreter.run(echo ? body.slice(0, -1) : body)
    if (echo && last.kind === 'expr') {
      interpreter.current = last.span
      let value
      try {
        value = interpreter.eval(last.value)
      } catch (error) {
        throw located(error, last.span)
      }
      echoed = value
      if (value !== null)
        outputs.push({ type: 'execute_result', executionCount: count, text: repr(value) })
    }
    if (options.mode === 'cell') flushFigures(session.ns.modules.pyplot ?? undefined)
  } catch (caught) {
    const error = located(caught, { start: 0, end: 0 }) as PyError
    const where = cellSpanOf(source, error.span ?? { start: 0, end: 0 })
    const why = whyOf(error.ename, error.evalue)
    outputs.push({
      type: 'error',
      ename: error.ename,
      evalue: error.evalue,
      traceback: traceback(source, error, where, { ...options, fileName }, count),
      span: where,
      ...(why ? { why } : {}),
    })
    status = 'error'
  } finally {
    session.defaultDtype = getDefaultDtype()
    setGradMode(true)
    ag.setResultHook(null)
    ag.setBackwardHook(null)
    setContext(null)
    setRunningCell(null)
  }
  const tensors =
    options.mode === 'cell' && interpreter !== null
      ? graphNames(session.ns, interpreter.bound, echoed)
      : []
  return { executionCount: count, status, outputs, tensors }
}
