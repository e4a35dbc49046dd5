import * as ag from '../autograd'
import type { Node } from '../expr/ast'
import { toTorch } from '../expr'
import type {
  AnalyzeRequest,
  AnalyzeResult,
  EvaluateRequest,
  EvaluateResult,
  GradientRequest,
  GradientResult,
  InterestPoint,
  Series,
  SliceMark,
} from '../protocol/api'
import { diagnostic, MESSAGES, type Diagnostic } from '../protocol/diagnostics'
import { fail, ok, type Result } from '../protocol/result'
import { compile, type CompiledExpression } from './compiled'
import { valuesAtPoint } from './point'
import { LruCache } from './lru'
import { notesAt } from '../notes/at-point'
import { gradcheck, type GradcheckEntry, type GradcheckOptions } from '../notes/gradcheck'
import type { Note } from '../protocol/notes'
import { sliceMarks } from '../notes/along'
import { pointsOfInterest } from '../notes/interest'
import { sampleSlice } from './series'
import { finiteDifferences } from './finite-differences'
import { sampleWorkProblem } from './work'
import { canonicalText } from '../expr'

/**
 * The core's one service. Every number comes from autograd; the symbolic derivative is only for display.
 * Requests are assumed validated (core/protocol/validate.ts) by whoever received them.
 */

function firstOccurrence(ast: Node, name: string): Node | null {
  const stack: Node[] = [ast]
  let found: Node | null = null
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.kind === 'variable' && node.name === name) {
      if (found === null || node.span[0] < found.span[0]) found = node
    } else if (node.kind === 'neg') stack.push(node.operand)
    else if (node.kind === 'binary') stack.push(node.left, node.right)
    else if (node.kind === 'call') stack.push(...node.args)
  }
  return found
}

function missingVariables(
  compiled: CompiledExpression,
  point: Record<string, number>,
): Diagnostic[] {
  return compiled.variables
    .filter((name) => !(name in point))
    .map((name) => {
      const span = firstOccurrence(compiled.ast, name)?.span ?? [0, 0]
      return diagnostic('missing-variable', MESSAGES.missingVariable(name), span)
    })
}

export function compileFor(
  expression: string,
  point: Record<string, number>,
): Result<CompiledExpression> {
  const compilation = compile(expression)
  if (!compilation.ok) return fail(...compilation.diagnostics)
  const missing = missingVariables(compilation.compiled, point)
  return missing.length > 0 ? fail(...missing) : ok(compilation.compiled)
}

/** f and every partial at the point, as PyTorch with `requires_grad=True` on every variable. */
function atPoint(compiled: CompiledExpression, point: Record<string, number>): GradientResult {
  const { value, gradient } = valuesAtPoint(compiled.ast, compiled.variables, point)
  const notes = notesAt(compiled.ast, compiled.variables, point)
  return { variables: compiled.variables, value, gradient, notes }
}

export function gradientAt(request: GradientRequest): Result<GradientResult> {
  const compiled = compileFor(request.expression, request.point)
  return compiled.ok ? ok(atPoint(compiled.value, request.point)) : compiled
}

/**
 * The slice's marks and points of interest depend on the slice, not on where the point sits on it: while
 * the plotted variable's slider moves they are read back, so dragging costs no refinement.
 */
const SLICE_ANALYSES = new LruCache<string, { marks: SliceMark[]; interest: InterestPoint[] }>(16)

function sliceAnalysis(
  compiled: CompiledExpression,
  request: EvaluateRequest,
  series: Series,
): { marks: SliceMark[]; interest: InterestPoint[] } {
  const { wrt, point, domain, samples } = request
  const held = compiled.variables.filter((name) => name !== wrt).map((name) => point[name])
  const key = JSON.stringify([request.expression, wrt, domain, samples, held])
  const known = SLICE_ANALYSES.get(key)
  if (known) return known
  const { ast, variables } = compiled
  const marks = sliceMarks(ast, variables, wrt, point, series.t)
  const analysis = { marks, interest: pointsOfInterest(ast, variables, wrt, point, series, marks) }
  SLICE_ANALYSES.set(key, analysis)
  return analysis
}

/** torch.autograd.gradcheck's comparison at the point, with the notes that say what a verdict means. */
export function gradcheckAt(
  request: GradientRequest & GradcheckOptions,
): Result<{ entries: GradcheckEntry[]; notes: Note[] }> {
  const compiled = compileFor(request.expression, request.point)
  if (!compiled.ok) return compiled
  const { ast, variables } = compiled.value
  return ok({
    entries: gradcheck(ast, variables, request.point, request),
    notes: notesAt(ast, variables, request.point),
  })
}

export function evaluate(request: EvaluateRequest): Result<EvaluateResult> {
  const compiledResult = compileFor(request.expression, request.point)
  if (!compiledResult.ok) return compiledResult
  const compiled = compiledResult.value
  const tooMuch = sampleWorkProblem(compiled.ast, request)
  if (tooMuch) return fail(tooMuch)
  const { wrt, point } = request
  const { value, gradient, notes } = atPoint(compiled, point)
  const slope = gradient[wrt] ?? 0
  const at = point[wrt] ?? 0
  const t = ag.linspace(request.domain[0], request.domain[1], request.samples).data
  const usedPoint = Object.fromEntries(compiled.variables.map((name) => [name, point[name]!]))
  const series = sampleSlice(compiled, wrt, point, t, {
    secondDerivative: request.secondDerivative,
  })
  if (request.finiteDifferences)
    series.fd = finiteDifferences(compiled, wrt, point, t, series.df, request.finiteDifferences)
  const { marks, interest } = sliceAnalysis(compiled, request, series)
  return ok({
    variables: compiled.variables,
    value,
    gradient,
    tangent: { slope, intercept: value - slope * at },
    series,
    latex: { f: compiled.latex, df: compiled.derivativeLatexFor(wrt) },
    torch: toTorch(compiled.ast, { point: usedPoint, variables: compiled.variables, wrt, notes }),
    notes,
    marks,
    interest,
  })
}

export function analyze(request: AnalyzeRequest): Result<AnalyzeResult> {
  const compilation = compile(request.expression)
  if (!compilation.ok) return fail(...compilation.diagnostics)
  const { compiled } = compilation
  return ok({
    variables: compiled.variables,
    latex: compiled.latex,
    canonical: canonicalText(compiled.ast, request.expression),
  })
}
