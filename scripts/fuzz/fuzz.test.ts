import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ENTRIES } from './entries'
import { CHUNK, inputAt, inputsOfChunk, resultProblem, spansOutside, type Entry } from './harness'
import type { KnownHole } from './known-holes'
import { emptyTally, record, runEntry } from './run-entry'

/**
 * A short seeded run of every fuzz entry inside the unit tests (the full suite is `npm run fuzz`), and the
 * harness's own checks, each shown to fail on what it must catch.
 */
const SEED = 20_261_202
const RUNS = 200

describe('every fuzz entry, a short seeded run', () => {
  for (const entry of ENTRIES) {
    it(`${entry.name}: ${RUNS} inputs, no failure outside the allow-list`, async () => {
      const tally = await runEntry(entry, SEED, 0, RUNS)
      expect(tally.inputs).toBe(RUNS)
      expect(tally.examples).toEqual([])
    }, 60_000)
  }
})

describe('the fuzz harness', () => {
  const numbers: Entry<number> = {
    name: 'numbers',
    covers: 'a test entry',
    arbitrary: () => fc.integer(),
    check: (n) =>
      n % 3 === 0 ? [{ class: 'badAccepted', tag: 'multiple-of-three', detail: `${n}` }] : [],
    describe: String,
  }

  it('replays any input from its seed and index alone', () => {
    const chunk = inputsOfChunk(numbers, 7, 2)
    expect(inputAt(numbers, 7, 2 * CHUNK + 17)).toBe(chunk[17])
    expect(inputsOfChunk(numbers, 7, 2)).toEqual(chunk)
    expect(inputsOfChunk(numbers, 8, 2)).not.toEqual(chunk)
  })

  it('counts findings by class and keeps examples to replay', async () => {
    const tally = await runEntry(numbers, 7, 0, 300)
    expect(tally.failures.badAccepted).toBeGreaterThan(0)
    expect(tally.examples[0]).toMatchObject({ class: 'badAccepted', tag: 'multiple-of-three' })
    expect(tally.examples.length).toBeLessThanOrEqual(3)
  })

  it('counts a check that throws as a crash', async () => {
    const throwing: Entry<number> = {
      ...numbers,
      check: () => {
        throw new Error('boom')
      },
    }
    const tally = await runEntry(throwing, 7, 0, 5)
    expect(tally.failures.crash).toBe(5)
    expect(tally.examples[0]?.detail).toContain('boom')
  })

  it('counts a finding named in the allow-list under known, not as a failure', () => {
    const hole: KnownHole = {
      entry: 'numbers',
      class: 'badAccepted',
      tag: 'x',
      hole: 'a test hole',
    }
    const tally = emptyTally('numbers')
    const found = [{ class: hole.class, tag: hole.tag, detail: 'expected' }]
    for (let i = 0; i < 4; i++) record(tally, numbers, i, i, found, [hole])
    expect(tally.failures.badAccepted).toBe(0)
    expect(tally.known['a test hole']).toBe(4)
    record(tally, numbers, 4, 4, found, [])
    expect(tally.failures.badAccepted).toBe(1)
  })

  it('tells a Result from anything else', () => {
    const diagnostic = { code: 'x', message: 'm', span: [0, 1] }
    expect(resultProblem({ ok: true, value: 1 })).toBeNull()
    expect(resultProblem({ ok: false, diagnostics: [diagnostic] })).toBeNull()
    expect(resultProblem({ ok: false, diagnostics: [] })).toMatch(/without diagnostics/)
    expect(resultProblem({ ok: false, diagnostics: [{ code: 'x', message: 'm' }] })).toMatch(/span/)
    expect(resultProblem(undefined)).toMatch(/not an object/)
    expect(resultProblem({ ok: 'yes' })).toMatch(/ok is/)
  })

  it('finds a span outside the text', () => {
    const failed = (span: [number, number]) => ({
      ok: false,
      diagnostics: [{ code: 'x', message: 'm', span }],
    })
    expect(spansOutside(failed([0, 3]), 3)).toBeNull()
    expect(spansOutside(failed([2, 4]), 3)).toMatch(/\[2, 4\] in 3/)
    expect(spansOutside(failed([2, 1]), 3)).not.toBeNull()
    expect(spansOutside(failed([-1, 0]), 3)).not.toBeNull()
  })
})
