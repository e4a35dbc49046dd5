import type { GradientResult } from '../protocol/api'
import { MESSAGES, requestDiagnostic } from '../protocol/diagnostics'
import type { Result } from '../protocol/result'
import { validateGradientRequest } from '../protocol/validate'
import { errorRecord } from './diagnostics'
import { reportedGradient } from './gradient-report'
import { encodeNote, encodeNumber, encodeNumbers } from './json'

export type Gradient = (request: {
  expression: string
  point: Record<string, number>
}) => Result<GradientResult> | Promise<Result<GradientResult>>

/**
 * One JSON Lines record in, one out: `{"expr": "...", "at": {"x": 2}}` →
 * `{"value": …, "grad": {"x": …}, "notes": […]}` (notes empty at ordinary points) or `{"error": {"code", "message", "span"}}`. Never throws: a bad line
 * becomes an error line (so does one cut by --timeout) and the batch goes on.
 */
export async function answerBatchLine(line: string, gradient: Gradient): Promise<string> {
  let record: unknown
  try {
    record = JSON.parse(line)
  } catch {
    const message = MESSAGES.invalidRequest('line', 'is not valid JSON')
    return JSON.stringify(errorRecord(requestDiagnostic('invalid-request', message)))
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    const message = MESSAGES.invalidRequest(
      'line',
      'must be an object like {"expr": "x^2", "at": {"x": 2}}',
    )
    return JSON.stringify(errorRecord(requestDiagnostic('invalid-request', message)))
  }
  const { expr, at, ...rest } = record as Record<string, unknown>
  const request = validateGradientRequest({ expression: expr, point: at ?? {}, ...rest })
  const result = request.ok ? await gradient(request.value) : request
  if (!result.ok) return JSON.stringify(errorRecord(renameFields(result.diagnostics[0]!)))
  const given = request.ok ? request.value.point : {}
  return JSON.stringify({
    value: encodeNumber(result.value.value),
    grad: encodeNumbers(reportedGradient(result.value, given)),
    notes: result.value.notes.map(encodeNote),
  })
}

/** The batch format calls the fields `expr` and `at`; say so in its messages. */
function renameFields<D extends { message: string }>(diagnostic: D): D {
  return {
    ...diagnostic,
    message: diagnostic.message.replace(/'expression'/g, "'expr'").replace(/'point(\.?)/g, "'at$1"),
  }
}
