import type {
  AnalyzeRequest,
  EvaluateRequest,
  Precision,
  GradientRequest,
  GraphRequest,
  GraphSlice,
} from './api'
import { MESSAGES, requestDiagnostic, type Diagnostic } from './diagnostics'
import {
  boundedArray,
  displayKey,
  hasFiniteWidth,
  isFiniteNumber,
  isPlainRecord,
  isSampleCount,
  isVariableName,
  ownFields,
} from './guards'
import { LIMITS } from './limits'
import type { NotebookGraphRequest, RestartNotebookRequest, RunCellRequest } from './notebook'
import { failAll, fail, ok, type Result } from './result'

/**
 * Runtime checks of requests that arrive from an untrusted side (a renderer over IPC, a worker port, a CLI
 * line). Field by field, collecting every problem; nothing unchecked reaches the core. Every object is
 * read through the bounded guards (guards.ts), so a hostile request is refused with a diagnostic in time
 * proportional to the limits, never a throw.
 */

type Fields = Record<string, unknown>

function problem(field: string, what: string): Diagnostic {
  return requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what))
}

/** The request's own fields (copied), or why it is refused whole; unknown fields go to `out`. */
function requestFields(
  value: unknown,
  allowed: readonly string[],
  out: Diagnostic[],
): Result<Fields> {
  const fields = ownFields(value, LIMITS.maxFields)
  if (!fields.ok) return fail(problem('request', fields.problem))
  for (const key of Object.keys(fields.value)) {
    if (!allowed.includes(key)) out.push(problem(displayKey(key), 'is not a known field'))
  }
  return ok(fields.value)
}

function checkExpression(value: unknown, out: Diagnostic[]): void {
  if (typeof value !== 'string') out.push(problem('expression', 'must be a string'))
  else if (value.length > LIMITS.expressionLength)
    out.push(problem('expression', `must be at most ${LIMITS.expressionLength} characters`))
}

/** The point's values, copied, when every name is a variable and every value finite. */
function checkPoint(value: unknown, out: Diagnostic[]): Record<string, number> | null {
  if (!isPlainRecord(value)) {
    out.push(problem('point', 'must be an object of variable values'))
    return null
  }
  const fields = ownFields(value, LIMITS.maxVariables)
  if (!fields.ok) {
    out.push(problem('point', fields.problem))
    return null
  }
  const point: Record<string, number> = {}
  let valid = true
  for (const [name, number] of Object.entries(fields.value)) {
    if (!isVariableName(name))
      out.push(problem(`point.${displayKey(name)}`, 'is not a variable name'))
    else if (!isFiniteNumber(number)) out.push(problem(`point.${name}`, 'must be a finite number'))
    else {
      point[name] = number
      continue
    }
    valid = false
  }
  return valid ? point : null
}

function checkDomain(value: unknown, out: Diagnostic[]): [number, number] | null {
  const items = boundedArray(value, 2)
  if (!items.ok || items.value.length !== 2) {
    out.push(problem('domain', 'must be [min, max]'))
    return null
  }
  const [min, max] = items.value
  if (!isFiniteNumber(min) || !isFiniteNumber(max))
    out.push(problem('domain', 'must hold two finite numbers'))
  else if (!(min < max)) out.push(problem('domain', 'must have min < max'))
  else if (!hasFiniteWidth(min, max))
    out.push(problem('domain', 'must have a finite width: max − min overflows to Infinity'))
  else return [min, max]
  return null
}

function checkSamples(value: unknown, out: Diagnostic[]): void {
  if (!isSampleCount(value))
    out.push(
      problem(
        'samples',
        `must be a whole number from ${LIMITS.minSamples} to ${LIMITS.maxSamples}`,
      ),
    )
}

const EVALUATE_FIELDS = [
  'expression',
  'point',
  'wrt',
  'domain',
  'samples',
  'secondDerivative',
  'finiteDifferences',
] as const

function isPrecision(value: unknown): value is Precision {
  return value === 'float64' || value === 'float32'
}

export function validateEvaluateRequest(value: unknown): Result<EvaluateRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, EVALUATE_FIELDS, out)
  if (!fields.ok) return fields
  const { expression, point, wrt, domain, samples, secondDerivative, finiteDifferences } =
    fields.value
  checkExpression(expression, out)
  const checkedPoint = checkPoint(point, out)
  if (typeof wrt !== 'string' || !isVariableName(wrt))
    out.push(problem('wrt', 'must be a single-letter variable name other than e'))
  const checkedDomain = checkDomain(domain, out)
  checkSamples(samples, out)
  if (secondDerivative !== undefined && typeof secondDerivative !== 'boolean')
    out.push(problem('secondDerivative', 'must be true or false'))
  if (finiteDifferences !== undefined && !isPrecision(finiteDifferences))
    out.push(problem('finiteDifferences', "must be 'float64' or 'float32'"))
  if (out.length > 0 || !checkedPoint || !checkedDomain) return failAll(out)
  // Built from the checked copies, so nothing else rides along and nothing changes after the check.
  const request: EvaluateRequest = {
    expression: expression as string,
    point: checkedPoint,
    wrt: wrt as string,
    domain: checkedDomain,
    samples: samples as number,
  }
  if (secondDerivative !== undefined) request.secondDerivative = secondDerivative as boolean
  if (isPrecision(finiteDifferences)) request.finiteDifferences = finiteDifferences
  return ok(request)
}

export function validateAnalyzeRequest(value: unknown): Result<AnalyzeRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['expression'], out)
  if (!fields.ok) return fields
  checkExpression(fields.value.expression, out)
  if (out.length > 0) return failAll(out)
  return ok({ expression: fields.value.expression as string })
}

export function validateGradientRequest(value: unknown): Result<GradientRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['expression', 'point'], out)
  if (!fields.ok) return fields
  checkExpression(fields.value.expression, out)
  const point = checkPoint(fields.value.point, out)
  if (out.length > 0 || !point) return failAll(out)
  return ok({ expression: fields.value.expression as string, point })
}

function checkSlice(value: unknown, out: Diagnostic[]): GraphSlice | null {
  if (!isPlainRecord(value)) {
    out.push(problem('slice', 'must be an object with wrt, domain and samples'))
    return null
  }
  const fields = ownFields(value, LIMITS.maxFields)
  if (!fields.ok) {
    out.push(problem('slice', fields.problem))
    return null
  }
  const before = out.length
  for (const key of Object.keys(fields.value)) {
    if (!['wrt', 'domain', 'samples'].includes(key))
      out.push(problem(`slice.${displayKey(key)}`, 'is not a known field'))
  }
  const { wrt, domain, samples } = fields.value
  if (typeof wrt !== 'string' || !isVariableName(wrt))
    out.push(problem('slice.wrt', 'must be a single-letter variable name other than e'))
  const checkedDomain = checkDomain(domain, out)
  if (
    !Number.isSafeInteger(samples) ||
    (samples as number) < LIMITS.minSamples ||
    (samples as number) > LIMITS.maxGraphSamples
  )
    out.push(
      problem(
        'slice.samples',
        `must be a whole number from ${LIMITS.minSamples} to ${LIMITS.maxGraphSamples}`,
      ),
    )
  if (out.length > before || !checkedDomain) return null
  return { wrt: wrt as string, domain: checkedDomain, samples: samples as number }
}

export function validateGraphRequest(value: unknown): Result<GraphRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['expression', 'point', 'slice'], out)
  if (!fields.ok) return fields
  const { expression, point, slice } = fields.value
  checkExpression(expression, out)
  const checkedPoint = checkPoint(point, out)
  const checkedSlice = slice === undefined ? undefined : checkSlice(slice, out)
  if (out.length > 0 || !checkedPoint || checkedSlice === null) return failAll(out)
  const request: GraphRequest = { expression: expression as string, point: checkedPoint }
  if (checkedSlice) request.slice = checkedSlice
  return ok(request)
}
const SESSION_ID = /^[A-Za-z0-9_.:-]+$/

function checkSession(value: unknown, out: Diagnostic[]): void {
  const most = LIMITS.notebook.sessionIdLength
  if (
    typeof value !== 'string' ||
    value.length === 0 ||
    value.length > most ||
    !SESSION_ID.test(value)
  )
    out.push(problem('session', `must be 1 to ${most} characters of letters, digits and _ . : -`))
}

export function validateRunCellRequest(value: unknown): Result<RunCellRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['session', 'source', 'cellId', 'mode'], out)
  if (!fields.ok) return fields
  const { session, source, cellId, mode } = fields.value
  checkSession(session, out)
  if (typeof source !== 'string') out.push(problem('source', 'must be a string'))
  else if (source.length > LIMITS.notebook.sourceLength)
    out.push(problem('source', `must be at most ${LIMITS.notebook.sourceLength} characters`))
  if (
    cellId !== undefined &&
    (typeof cellId !== 'string' || cellId.length > LIMITS.notebook.cellIdLength)
  )
    out.push(
      problem('cellId', `must be a string of at most ${LIMITS.notebook.cellIdLength} characters`),
    )
  if (mode !== undefined && mode !== 'cell' && mode !== 'script')
    out.push(problem('mode', "must be 'cell' or 'script'"))
  if (out.length > 0) return failAll(out)
  const request: RunCellRequest = { session: session as string, source: source as string }
  if (cellId !== undefined) request.cellId = cellId as string
  if (mode !== undefined) request.mode = mode as 'cell' | 'script'
  return ok(request)
}

export function validateRestartNotebookRequest(value: unknown): Result<RestartNotebookRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['session'], out)
  if (!fields.ok) return fields
  checkSession(fields.value.session, out)
  if (out.length > 0) return failAll(out)
  return ok({ session: fields.value.session as string })
}

/** A Python identifier (ASCII: the notebook's lexer reads no other). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/

export function validateNotebookGraphRequest(value: unknown): Result<NotebookGraphRequest> {
  const out: Diagnostic[] = []
  const fields = requestFields(value, ['session', 'name'], out)
  if (!fields.ok) return fields
  const { session, name } = fields.value
  checkSession(session, out)
  const most = LIMITS.notebook.nameLength
  if (typeof name !== 'string' || name.length > most || !IDENTIFIER.test(name))
    out.push(problem('name', `must be a Python name of at most ${most} characters`))
  if (out.length > 0) return failAll(out)
  return ok({ session: session as string, name: name as string })
}
