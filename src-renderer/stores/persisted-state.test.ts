import { describe, expect, it } from 'vitest'
import { savedSession, SCHEMA_VERSION } from './persisted-state'

const parsePersisted = (raw: string | null) => savedSession.parse(raw)

const valid = {
  version: SCHEMA_VERSION,
  expression: 'u*v + u^2',
  sliders: { x: { value: 2, min: -5, max: 5, step: 0.1 } },
  wrt: 'u',
  view: { domain: [-3, 3], yOverride: null, showSecond: true },
  theme: 'dark',
}

describe('parsePersisted', () => {
  it('restores a session saved by this version', () => {
    expect(parsePersisted(JSON.stringify(valid))).toEqual({ kind: 'restored', value: valid })
  })
  it("holds a slider or wrt to the language's variable rule: 'e' is Euler's number", () => {
    const withE = { ...valid, sliders: { e: valid.sliders.x }, wrt: 'e' }
    expect(parsePersisted(JSON.stringify(withE)).kind).toBe('reset')
    const sliderE = { ...valid, sliders: { ...valid.sliders, e: valid.sliders.x } }
    expect(parsePersisted(JSON.stringify(sliderE)).kind).toBe('reset')
  })
  it('reads a session exactly as this version stores it today', () => {
    // Written by persistence.ts at the first schema version, copied from localStorage.
    const today =
      '{"version":1,"expression":"u*v + u^2","sliders":{"x":{"value":2,"min":-5,"max":5,"step":0.1},' +
      '"u":{"value":3,"min":-5,"max":5,"step":0.1},"v":{"value":2,"min":-5,"max":5,"step":0.1}},' +
      '"wrt":"u","view":{"domain":[-2,2],"yOverride":[-1,4],"showSecond":false},"theme":"dark"}'
    expect(parsePersisted(today)).toEqual({ kind: 'restored', value: JSON.parse(today) })
  })
  it('starts empty when nothing was saved', () => {
    expect(parsePersisted(null)).toEqual({ kind: 'empty' })
  })
  it('resets unreadable, unversioned, older, newer or damaged sessions with a reason', () => {
    const reasons = [
      '{not json',
      JSON.stringify({ expression: 'x' }),
      JSON.stringify({ ...valid, version: 0 }),
      JSON.stringify({ ...valid, version: SCHEMA_VERSION + 1 }),
      JSON.stringify({ ...valid, view: { ...valid.view, domain: [3, -3] } }),
      JSON.stringify({ ...valid, sliders: { xy: valid.sliders.x } }),
      JSON.stringify({ ...valid, theme: 'purple' }),
      JSON.stringify({ ...valid, view: { ...valid.view, domain: [-1e308, 1e308] } }),
    ].map((raw) => parsePersisted(raw))
    for (const outcome of reasons) expect(outcome.kind).toBe('reset')
    expect(reasons.map((o) => (o.kind === 'reset' ? o.reason : ''))).toMatchInlineSnapshot(`
      [
        "the saved session could not be read",
        "the saved session has no version",
        "sessions saved by version 0 cannot be upgraded",
        "the saved session comes from a newer version (2)",
        "the saved session is damaged",
        "the saved session is damaged",
        "the saved session is damaged",
        "the saved session is damaged",
      ]
    `)
  })
})
