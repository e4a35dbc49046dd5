import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  BUILD_TIMEOUT_MS,
  HANG_MS,
  hostile,
  hostileKind,
  HOSTILE_KINDS,
  timed,
} from '../test-support/hostile'
import {
  boundedArray,
  boundedOwnKeys,
  displayKey,
  isFiniteNumber,
  isPlainRecord,
  isRange,
  isRecord,
  isSampleCount,
  isVariableName,
  ownFields,
  rangeOf,
} from './guards'
import { LIMITS } from './limits'

const GUARDS: Record<string, (value: unknown) => unknown> = {
  isRecord,
  isPlainRecord,
  isFiniteNumber,
  isRange,
  rangeOf,
  isSampleCount,
  ownFields: (value) => ownFields(value, LIMITS.maxFields),
  boundedArray: (value) => boundedArray(value, 2),
  boundedOwnKeys: (value) =>
    typeof value === 'object' && value !== null ? boundedOwnKeys(value, LIMITS.maxFields) : null,
}

describe('the shared guards, given hostile values', () => {
  it.each(Object.keys(GUARDS))(
    '%s answers every hostile value without a throw, quickly',
    (name) => {
      const guard = GUARDS[name] as (value: unknown) => unknown
      for (const kind of HOSTILE_KINDS) {
        const value = hostile(kind, { a: 1 })
        const { ms } = timed(() => guard(value))
        expect(ms, kind).toBeLessThan(HANG_MS)
      }
    },
    BUILD_TIMEOUT_MS,
  )

  it(
    'reads any mix of hostile fields as a bounded copy or a short refusal (fast-check)',
    () => {
      fc.assert(
        fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), hostileKind()), (kinds) => {
          const value = Object.fromEntries(
            Object.entries(kinds).map(([key, kind]) => [key, hostile(kind, { a: 1 })]),
          )
          const { result, ms } = timed(() => ownFields(value, LIMITS.maxFields))
          expect(ms).toBeLessThan(HANG_MS)
          // Shallow: a hostile value one level down is copied as it is, for its own guard to read.
          expect(result.ok && Object.keys(result.value)).toEqual(Object.keys(value))
        }),
        { numRuns: 40 },
      )
    },
    BUILD_TIMEOUT_MS,
  )

  it.each([
    'a million keys',
    'arrays nested 100000 levels deep',
    'ten million array items',
    'a sparse array of length 2^32 - 1',
    'a ten-million-character string',
    'a getter that throws',
    'a Proxy that throws on ownKeys',
    'a Proxy that throws on every trap',
    'a revoked Proxy',
  ] as const)(
    'refuses %s as a record of fields, in a short sentence',
    (kind) => {
      const read = ownFields(hostile(kind, { a: 1 }), LIMITS.maxFields)
      expect(read.ok).toBe(false)
      if (!read.ok) expect(read.problem.length).toBeLessThan(200)
    },
    BUILD_TIMEOUT_MS,
  )

  it('counts keys and refuses past the limit, naming the count', () => {
    expect(boundedOwnKeys(hostile('a million keys') as object, 32)).toEqual({
      ok: false,
      problem: 'has 1000000 keys; at most 32 are allowed',
    })
    expect(boundedOwnKeys({ a: 1, b: 2 }, 2)).toEqual({ ok: true, value: ['a', 'b'] })
  })

  it('refuses an array by its length before reading an item', () => {
    expect(boundedArray(hostile('a sparse array of length 2^32 - 1'), 2)).toEqual({
      ok: false,
      problem: 'has 4294967295 items; at most 2 are allowed',
    })
    expect(boundedArray(hostile('ten million array items'), 2)).toEqual({
      ok: false,
      problem: 'has 10000000 items; at most 2 are allowed',
    })
    const holey: unknown[] = [1]
    holey[2] = 3
    expect(boundedArray(holey, 3)).toEqual({ ok: true, value: [1, undefined, 3] })
  })

  it('copies fields without calling a getter, into an object without a prototype', () => {
    let called = false
    const withGetter = Object.defineProperty({ a: 1 }, 'b', {
      enumerable: true,
      get: () => (called = true),
    })
    expect(ownFields(withGetter, 8)).toEqual({
      ok: false,
      problem: "has a getter for 'b'; only plain values are allowed",
    })
    expect(called).toBe(false)
    const read = ownFields(hostile('a __proto__ key from JSON'), 8)
    expect(read.ok && Object.keys(read.value)).toEqual(['__proto__', 'constructor'])
    expect(read.ok && Object.getPrototypeOf(read.value)).toBe(null)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('treats a Proxy that throws as unreadable, never as a crash', () => {
    for (const kind of [
      'a Proxy that throws on ownKeys',
      'a Proxy that throws on every trap',
      'a revoked Proxy',
    ] as const) {
      const value = hostile(kind, { a: 1 })
      expect(isRange(value)).toBe(false)
      expect(ownFields(value, 8).ok).toBe(false)
    }
    expect(isRecord(hostile('a revoked Proxy', { a: 1 }))).toBe(false)
    expect(isPlainRecord(hostile('a Proxy that throws on every trap', { a: 1 }))).toBe(false)
  })

  it('reads a range once, so a getter cannot change it after the check', () => {
    let reads = 0
    const shifty = Object.defineProperty([0, 1], 0, { get: () => (reads++ === 0 ? 0 : NaN) })
    expect(rangeOf(shifty)).toBe(null)
    expect(rangeOf([-1, 2])).toEqual([-1, 2])
    expect(rangeOf([2, -1])).toBe(null)
    // Finite ends, but 2e308 apart: Infinity wide, and every linspace position NaN or ±Infinity.
    expect(rangeOf([-1e308, 1e308])).toBe(null)
    expect(rangeOf([-Number.MAX_VALUE, 0])).toEqual([-Number.MAX_VALUE, 0])
  })

  it('quotes only the start of a long key', () => {
    expect(displayKey('k'.repeat(10_000_000))).toBe(`${'k'.repeat(LIMITS.displayedKeyLength)}…`)
    expect(displayKey('x')).toBe('x')
  })

  it('keeps the variable rule: one letter, not e, checked by length first', () => {
    expect(['x', 'E', 'z'].map(isVariableName)).toEqual([true, true, true])
    expect(['e', 'xy', '', '1', 'x'.repeat(10_000_000)].map(isVariableName)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ])
    expect([2, 200_000, 1, 200_001, 2.5, NaN].map(isSampleCount)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ])
  })
})
