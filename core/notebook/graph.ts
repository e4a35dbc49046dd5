import * as ag from '../autograd'
import type { Tensor } from '../autograd'
import { tensorGraph } from '../graph/tensor-graph'
import { LIMITS } from '../protocol/limits'
import { requestDiagnostic } from '../protocol/diagnostics'
import type { NotebookGraphRequest, NotebookGraphResult } from '../protocol/notebook'
import { fail, ok, type Result } from '../protocol/result'
import type { Expr } from './ast'
import { cellSpanOf, originOf, originText } from './origins'
import type { Session } from './run'
import { float32Results, gradFnName, NbTensor } from './tensor'
import { onesOfDtype } from './torch-module'
import { typeName } from './values'

/**
 * The graph view of a namespace variable: the tensor the name holds, with the graph its ops recorded
 * (core/graph/tensor-graph.ts), named as PyTorch names it and labelled with the session's own names
 * and source. A name that holds no tensor is refused in Python's words, as the learner would read them.
 */

const refuse = (message: string): Result<never> => fail(requestDiagnostic('no-graph', message))

/** Python numbers written into an op (`2` in `u ** 2`, `0` in `torch.clamp(x, 0, 1)`). */
function constantsOf(expr: Expr | null, source: string): string[] {
  if (expr === null) return []
  const operands =
    expr.kind === 'binary' ? [expr.left, expr.right] : expr.kind === 'call' ? expr.args : []
  const isNumber = (e: Expr): boolean =>
    e.kind === 'int' || e.kind === 'float' || (e.kind === 'unary' && isNumber(e.operand))
  return operands.filter(isNumber).map((e) => source.slice(e.span.start, e.span.end))
}

function namesByTensor(session: Session): Map<Tensor, string[]> {
  const names = new Map<Tensor, string[]>()
  for (const [name, value] of session.ns.globals) {
    if (!(value instanceof NbTensor)) continue
    const list = names.get(value.t)
    if (list) list.push(name)
    else names.set(value.t, [name])
  }
  return names
}

export function notebookGraph(
  session: Session,
  request: NotebookGraphRequest,
): Result<NotebookGraphResult> {
  const value = session.ns.globals.get(request.name)
  if (value === undefined) return refuse(`NameError: name '${request.name}' is not defined`)
  if (!(value instanceof NbTensor))
    return refuse(
      `TypeError: '${request.name}' is a ${typeName(value)}, not a Tensor: only a tensor has a graph`,
    )
  const count = value.t.requiresGrad ? ag.topologicalOrder(value.t).length : 0
  if (count > LIMITS.notebook.graphNodes)
    return refuse(
      `The graph of '${request.name}' has ${count} nodes; the graph view draws at most ${LIMITS.notebook.graphNodes}.`,
    )
  const names = namesByTensor(session)
  // The pass rounds float32 ops as the learner's own backward() does, so the gradients are the same bits.
  ag.setResultHook(float32Results)
  try {
    const graph = tensorGraph(value.t, {
      opName: gradFnName,
      names: (tensor) => names.get(tensor) ?? [],
      // The root is the namespace's tensor: its seed is backward()'s, ones of its dtype.
      seed: () => onesOfDtype(value),
      source: (tensor) => {
        const origin = originOf(tensor)
        if (origin === null) return null
        return {
          source: {
            executionCount: origin.run.executionCount,
            cellId: origin.run.cellId,
            span: cellSpanOf(origin.run.source, origin.span),
            text: originText(origin),
          },
          constants: constantsOf(origin.expr, origin.run.source),
        }
      },
    })
    return ok({ ...graph, name: request.name, dtype: value.dtype })
  } finally {
    ag.setResultHook(null)
  }
}
