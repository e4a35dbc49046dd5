import { describe, expect, it } from 'vitest'
import { LIMITS } from './limits'
import { validateRestartNotebookRequest, validateRunCellRequest } from './validate'

const messages = (result: { ok: boolean; diagnostics?: { message: string }[] }) =>
  result.ok ? [] : result.diagnostics!.map((d) => d.message)

describe('validateRunCellRequest', () => {
  it('accepts a cell and copies only its known fields', () => {
    const request = { session: 'window-1', source: 'x = 1\nx', cellId: 'c1', mode: 'cell' }
    expect(validateRunCellRequest(request)).toEqual({ ok: true, value: request })
    expect(validateRunCellRequest({ session: 'a', source: '' })).toEqual({
      ok: true,
      value: { session: 'a', source: '' },
    })
  })

  it('refuses every bad field at once, with the field named', () => {
    expect(
      messages(validateRunCellRequest({ session: '', source: 3, mode: 'repl', x: 1 })),
    ).toEqual([
      "Invalid request: 'x' is not a known field.",
      "Invalid request: 'session' must be 1 to 100 characters of letters, digits and _ . : -.",
      "Invalid request: 'source' must be a string.",
      "Invalid request: 'mode' must be 'cell' or 'script'.",
    ])
  })

  it('holds source, session and cell ids to their limits', () => {
    const long = 'x'.repeat(LIMITS.notebook.sourceLength + 1)
    expect(messages(validateRunCellRequest({ session: 's', source: long }))).toEqual([
      `Invalid request: 'source' must be at most ${LIMITS.notebook.sourceLength} characters.`,
    ])
    expect(validateRunCellRequest({ session: 's'.repeat(101), source: '' }).ok).toBe(false)
    expect(validateRunCellRequest({ session: 'a b', source: '' }).ok).toBe(false)
    expect(validateRunCellRequest({ session: 's', source: '', cellId: 'c'.repeat(101) }).ok).toBe(
      false,
    )
    expect(validateRunCellRequest(null).ok).toBe(false)
  })
})

describe('validateRestartNotebookRequest', () => {
  it('takes a session only', () => {
    expect(validateRestartNotebookRequest({ session: 'w' })).toEqual({
      ok: true,
      value: { session: 'w' },
    })
    expect(messages(validateRestartNotebookRequest({ session: 'w', source: '' }))).toEqual([
      "Invalid request: 'source' is not a known field.",
    ])
  })
})
