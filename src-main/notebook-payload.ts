import { readNotebook } from '../core/ipynb'
import type { SaveNotebookRequest } from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../core/protocol/diagnostics'
import { displayKey, isPlainRecord, ownFields } from '../core/protocol/guards'
import { LIMITS } from '../core/protocol/limits'
import { fail, failAll, ok, type Result } from '../core/protocol/result'

const problem = (field: string, what: string): Diagnostic =>
  requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what))

/**
 * Whether `text` is a notebook the app could open again: the same bounded nbformat 4 reader as Open…
 * (core/ipynb), so main never writes a .ipynb that the app itself (or Jupyter) would refuse.
 */
export function isOpenableNotebook(text: string): boolean {
  return text.length <= LIMITS.ipynb.fileChars && readNotebook(text).ok
}

/**
 * What the renderer sends to saveNotebook, checked as untrusted input: shape, size, that the text is an
 * nbformat 4 notebook, and the name. The request is rebuilt from the checked copies.
 */
export function validateSaveNotebookRequest(value: unknown): Result<SaveNotebookRequest> {
  if (!isPlainRecord(value))
    return fail(problem('request', 'must be an object with text and suggestedName'))
  const fields = ownFields(value, LIMITS.maxFields)
  if (!fields.ok) return fail(problem('request', fields.problem))
  const problems: Diagnostic[] = []
  for (const key of Object.keys(fields.value)) {
    if (key !== 'text' && key !== 'suggestedName')
      problems.push(problem(displayKey(key), 'is not a known field'))
  }
  const { text, suggestedName } = fields.value
  if (typeof text !== 'string') problems.push(problem('text', 'must be a string'))
  else if (text.length > LIMITS.ipynb.fileChars)
    problems.push(problem('text', `must be at most ${LIMITS.ipynb.fileChars} characters`))
  else if (!isOpenableNotebook(text))
    problems.push(problem('text', 'is not an nbformat 4 notebook'))
  if (typeof suggestedName !== 'string') problems.push(problem('suggestedName', 'must be a string'))
  else if (suggestedName.length > LIMITS.suggestedNameLength)
    problems.push(
      problem('suggestedName', `must be at most ${LIMITS.suggestedNameLength} characters`),
    )
  if (problems.length > 0) return failAll(problems)
  return ok({ text: text as string, suggestedName: suggestedName as string })
}
