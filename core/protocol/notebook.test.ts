import { describe, expect, it } from 'vitest'
import { BUILD_TIMEOUT_MS, HANG_MS, hostile, HOSTILE_KINDS, timed } from '../test-support/hostile'
import { LIMITS } from './limits'
import {
  validateNotebookGraphRequest,
  validateRestartNotebookRequest,
  validateRunCellRequest,
} from './validate'

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

describe('validateNotebookGraphRequest', () => {
  it('takes a session and a Python name, copied', () => {
    const request = { session: 'notebook', name: 'f_2' }
    const answer = validateNotebookGraphRequest(request)
    expect(answer).toEqual({ ok: true, value: request })
    expect(answer.ok && answer.value).not.toBe(request)
  })

  it('refuses garbage, each bad field named', () => {
    const most = LIMITS.notebook.nameLength
    const notAName = `Invalid request: 'name' must be a Python name of at most ${most} characters.`
    expect(messages(validateNotebookGraphRequest({ session: '', name: 3, extra: true }))).toEqual([
      "Invalid request: 'extra' is not a known field.",
      "Invalid request: 'session' must be 1 to 100 characters of letters, digits and _ . : -.",
      notAName,
    ])
    for (const name of ['', '2x', 'f.grad', 'u * v', 'x\n', 'é', 'f'.repeat(most + 1), null])
      expect(messages(validateNotebookGraphRequest({ session: 's', name }))).toEqual([notAName])
    expect(validateNotebookGraphRequest({ session: 's', name: 'f'.repeat(most) }).ok).toBe(true)
    expect(validateNotebookGraphRequest({ session: 's' }).ok).toBe(false)
    expect(validateNotebookGraphRequest([]).ok).toBe(false)
    expect(validateNotebookGraphRequest('f').ok).toBe(false)
  })

  it(
    'refuses every hostile value, as the request and as each field, quickly and without a throw',
    () => {
      const base = { session: 's', name: 'f' }
      for (const kind of HOSTILE_KINDS) {
        for (const value of [
          hostile(kind, base),
          { ...base, name: hostile(kind, { x: 1 }) },
          { ...base, session: hostile(kind, { x: 1 }) },
        ]) {
          const { result, ms } = timed(() => validateNotebookGraphRequest(value))
          expect(result.ok).toBe(false)
          expect(ms).toBeLessThan(HANG_MS)
        }
      }
    },
    BUILD_TIMEOUT_MS,
  )
})
