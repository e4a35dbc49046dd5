import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { definePersisted, MAX_STORED_CHARS } from './persisted'

/** A kind saved three ways over time: v0 had no version and a `name`, v1 renamed it, v2 added `count`. */
const saved = definePersisted<{ title: string; count: number }>({
  key: 'test:kind',
  version: 2,
  subject: 'the saved thing',
  plural: 'things',
  guard: ({ title, count }) =>
    typeof title === 'string' && typeof count === 'number' ? { title, count } : null,
  migrations: {
    0: ({ name }) => ({ title: name }),
    1: ({ title }) => ({ title, count: 0 }),
  },
  fromText: (raw) => (/^\w+$/.test(raw) ? { name: raw } : null),
})

beforeEach(() => localStorage.clear())
afterEach(() => vi.restoreAllMocks())

describe('definePersisted', () => {
  it('writes the version with the value and reads it back', () => {
    expect(saved.save({ title: 'a', count: 3 })).toBe(true)
    expect(JSON.parse(localStorage.getItem('test:kind')!)).toEqual({
      title: 'a',
      count: 3,
      version: 2,
    })
    expect(saved.load()).toEqual({ kind: 'restored', value: { title: 'a', count: 3 } })
  })

  it('migrates every older format forwards, one version at a time', () => {
    expect(saved.parse('{"version":1,"title":"b"}')).toEqual({
      kind: 'migrated',
      value: { title: 'b', count: 0 },
      from: 1,
    })
    expect(saved.parse('{"name":"c"}')).toEqual({
      kind: 'migrated',
      value: { title: 'c', count: 0 },
      from: 0,
    })
    expect(saved.parse('plain')).toEqual({
      kind: 'migrated',
      value: { title: 'plain', count: 0 },
      from: 0,
    })
    localStorage.setItem('test:kind', 'plain')
    expect(saved.load().kind).toBe('migrated')
    expect(localStorage.getItem('test:kind')).toBe('{"title":"plain","count":0,"version":2}')
  })

  it('resets what it cannot read with a reason, and forgets it', () => {
    const reasons = [
      '{oops',
      '[1,2]',
      '{"version":3,"title":"x","count":1}',
      '{"version":-1}',
      '{"version":2,"title":7,"count":1}',
      'x'.repeat(MAX_STORED_CHARS + 1),
    ].map((raw) => {
      const outcome = saved.parse(raw)
      return outcome.kind === 'reset' ? outcome.reason : outcome.kind
    })
    expect(reasons).toEqual([
      'the saved thing could not be read',
      'the saved thing has no version',
      'the saved thing comes from a newer version (3)',
      'the saved thing has no version',
      'the saved thing is damaged',
      `the saved thing is too large (${MAX_STORED_CHARS + 1} characters)`,
    ])
    localStorage.setItem('test:kind', '{"version":2}')
    expect(saved.load().kind).toBe('reset')
    expect(localStorage.getItem('test:kind')).toBeNull()
  })

  it('says a version without a migration path cannot be upgraded', () => {
    const noPath = definePersisted({
      key: 'test:other',
      version: 2,
      subject: 'it',
      plural: 'others',
      guard: () => ({}),
    })
    expect(noPath.parse('{"version":1}')).toEqual({
      kind: 'reset',
      reason: 'others saved by version 1 cannot be upgraded',
    })
    expect(noPath.parse('{"a":1}')).toEqual({ kind: 'reset', reason: 'it has no version' })
  })

  it('answers false, not an exception, when storage refuses to save', () => {
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError')
    })
    expect(saved.save({ title: 'a', count: 1 })).toBe(false)
  })
})
