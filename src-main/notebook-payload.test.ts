import { describe, expect, it } from 'vitest'
import { writeNotebook } from '../core/ipynb'
import { LIMITS } from '../core/protocol/limits'
import { BUILD_TIMEOUT_MS, HANG_MS, hostile, HOSTILE_KINDS } from '../core/test-support/hostile'
import { validateSaveNotebookRequest } from './notebook-payload'

const NOTEBOOK = writeNotebook({
  cells: [
    { id: 'a', kind: 'code', source: 'x = 1', executionCount: 1, outputs: [] },
    { id: 'b', kind: 'markdown', source: '# Notes', executionCount: null, outputs: [] },
  ],
})
const messages = (value: unknown) => {
  const result = validateSaveNotebookRequest(value)
  return result.ok ? [] : result.diagnostics.map((d) => d.message)
}

describe('validateSaveNotebookRequest', () => {
  it('accepts the text of an nbformat 4 notebook with a short name, as a fresh copy', () => {
    const request = { text: NOTEBOOK, suggestedName: 'lab.ipynb' }
    const checked = validateSaveNotebookRequest(request)
    expect(checked).toEqual({ ok: true, value: request })
    expect(checked.ok && checked.value).not.toBe(request)
  })

  it.each([
    [null, "Invalid request: 'request' must be an object with text and suggestedName."],
    ['{}', "Invalid request: 'request' must be an object with text and suggestedName."],
    [{ text: 42, suggestedName: 'a' }, "Invalid request: 'text' must be a string."],
    [
      { text: new TextEncoder().encode(NOTEBOOK), suggestedName: 'a' },
      "Invalid request: 'text' must be a string.",
    ],
    [
      { text: 'not json', suggestedName: 'a' },
      "Invalid request: 'text' is not an nbformat 4 notebook.",
    ],
    [
      {
        text: JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, cells: [] }),
        suggestedName: 'a',
      },
      "Invalid request: 'text' is not an nbformat 4 notebook.",
    ],
    [
      { text: JSON.stringify({ cells: 'x' }), suggestedName: 'a' },
      "Invalid request: 'text' is not an nbformat 4 notebook.",
    ],
    [{ text: NOTEBOOK, suggestedName: 7 }, "Invalid request: 'suggestedName' must be a string."],
    [
      { text: NOTEBOOK, suggestedName: 'n'.repeat(LIMITS.suggestedNameLength + 1) },
      `Invalid request: 'suggestedName' must be at most ${LIMITS.suggestedNameLength} characters.`,
    ],
    [
      { text: NOTEBOOK, suggestedName: 'a', path: '/etc/passwd' },
      "Invalid request: 'path' is not a known field.",
    ],
  ])('refuses %#', (value, message) => {
    expect(messages(value)).toContain(message)
  })

  it('refuses text past the .ipynb size limit before parsing it', () => {
    const huge = ' '.repeat(LIMITS.ipynb.fileChars) + NOTEBOOK
    expect(messages({ text: huge, suggestedName: 'a' })).toEqual([
      `Invalid request: 'text' must be at most ${LIMITS.ipynb.fileChars} characters.`,
    ])
  })

  it(
    'refuses hostile payloads quickly, as a whole and in each field',
    () => {
      const base = { text: NOTEBOOK, suggestedName: 'a' }
      for (const kind of HOSTILE_KINDS) {
        for (const payload of [
          hostile(kind, base),
          { ...base, text: hostile(kind, { x: 1 }) },
          { ...base, suggestedName: hostile(kind, { x: 1 }) },
        ]) {
          const start = Date.now()
          expect(validateSaveNotebookRequest(payload).ok, kind).toBe(false)
          expect(Date.now() - start, kind).toBeLessThan(HANG_MS)
        }
      }
    },
    BUILD_TIMEOUT_MS,
  )
})
