import type { AnalyzeRequest, EvaluateRequest, GradientRequest } from './api'
import { MESSAGES, requestDiagnostic, type Diagnostic } from './diagnostics'
import { isFiniteNumber, isPlainRecord as isPlainObject, VARIABLE_NAME } from './guards'
import { LIMITS } from './limits'
import { fail, ok, type Result } from './result'

/**
 * Runtime checks of requests that arrive from an untrusted side (a renderer over IPC, a worker port, a CLI
 * line). Field by field, collecting every problem; nothing unchecked reaches the core.
 */

type Fields = Record<string, unknown>

function problem(field: string, what: string): Diagnostic {
  return requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what))
}

function checkNoUnknownFields(
  value: Fields,
  allowed: readonly string[],
  path: string,
  out: Diagnostic[],
): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key))
      out.push(problem(path ? `${path}.${key}` : key, 'is not a known field'))
  }
}

function checkExpression(value: unknown, out: Diagnostic[]): void {
  if (typeof value !== 'string') out.push(problem('expression', 'must be a string'))
  else if (value.length > LIMITS.expressionLength)
    out.push(problem('expression', `must be at most ${LIMITS.expressionLength} characters`))
}

function checkPoint(value: unknown, out: Diagnostic[]): void {
  if (!isPlainObject(value)) {
    out.push(problem('point', 'must be an object of variable values'))
    return
  }
  const names = Object.keys(value)
  if (names.length > LIMITS.maxVariables)
    out.push(problem('point', `may hold at most ${LIMITS.maxVariables} variables`))
  for (const name of names.slice(0, LIMITS.maxVariables)) {
    if (!VARIABLE_NAME.test(name)) out.push(problem(`point.${name}`, 'is not a variable name'))
    else if (!isFiniteNumber(value[name]))
      out.push(problem(`point.${name}`, 'must be a finite number'))
  }
}

function checkDomain(value: unknown, out: Diagnostic[]): void {
  if (!Array.isArray(value) || value.length !== 2) {
    out.push(problem('domain', 'must be [min, max]'))
    return
  }
  const [min, max] = value as unknown[]
  if (!isFiniteNumber(min) || !isFiniteNumber(max))
    out.push(problem('domain', 'must hold two finite numbers'))
  else if (!(min < max)) out.push(problem('domain', 'must have min < max'))
}

function checkSamples(value: unknown, out: Diagnostic[]): void {
  if (
    !Number.isInteger(value) ||
    (value as number) < LIMITS.minSamples ||
    (value as number) > LIMITS.maxSamples
  )
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
] as const

export function validateEvaluateRequest(value: unknown): Result<EvaluateRequest> {
  if (!isPlainObject(value)) return fail(problem('request', 'must be an object'))
  const out: Diagnostic[] = []
  checkNoUnknownFields(value, EVALUATE_FIELDS, '', out)
  checkExpression(value.expression, out)
  checkPoint(value.point, out)
  if (typeof value.wrt !== 'string' || !VARIABLE_NAME.test(value.wrt))
    out.push(problem('wrt', 'must be a single-letter variable name other than e'))
  checkDomain(value.domain, out)
  checkSamples(value.samples, out)
  if (value.secondDerivative !== undefined && typeof value.secondDerivative !== 'boolean')
    out.push(problem('secondDerivative', 'must be true or false'))
  if (out.length > 0) return fail(...out)
  // Rebuild the request from the checked fields so nothing else rides along.
  const request: EvaluateRequest = {
    expression: value.expression as string,
    point: { ...(value.point as Record<string, number>) },
    wrt: value.wrt as string,
    domain: [...(value.domain as [number, number])],
    samples: value.samples as number,
  }
  if (value.secondDerivative !== undefined)
    request.secondDerivative = value.secondDerivative as boolean
  return ok(request)
}

export function validateAnalyzeRequest(value: unknown): Result<AnalyzeRequest> {
  if (!isPlainObject(value)) return fail(problem('request', 'must be an object'))
  const out: Diagnostic[] = []
  checkNoUnknownFields(value, ['expression'], '', out)
  checkExpression(value.expression, out)
  if (out.length > 0) return fail(...out)
  return ok({ expression: value.expression as string })
}

export function validateGradientRequest(value: unknown): Result<GradientRequest> {
  if (!isPlainObject(value)) return fail(problem('request', 'must be an object'))
  const out: Diagnostic[] = []
  checkNoUnknownFields(value, ['expression', 'point'], '', out)
  checkExpression(value.expression, out)
  checkPoint(value.point, out)
  if (out.length > 0) return fail(...out)
  return ok({
    expression: value.expression as string,
    point: { ...(value.point as Record<string, number>) },
  })
}

export { isVariableName } from './guards'
