import fc from 'fast-check'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../protocol/limits'
import { BUILD_TIMEOUT_MS, HANG_MS, timed } from '../test-support/hostile'
import { latin1Text, readChunks, textChunk, withText, writeChunks, type PngChunk } from './chunks'
import { asciiJson, embedSession, readSession, SESSION_KEYWORD, type PlotSession } from './session'

/** A real 1 × 1 PNG from an independent encoder (pngjs). */
function foreignPng(): Uint8Array {
  return new Uint8Array(PNG.sync.write(new PNG({ width: 1, height: 1 })))
}

function chunksOf(png: Uint8Array): PngChunk[] {
  const chunks = readChunks(png)
  if (!chunks.ok) throw new Error(chunks.problem.message)
  return chunks.value
}

const withSessionText = (text: string) =>
  writeChunks(withText(chunksOf(foreignPng()), [textChunk(SESSION_KEYWORD, text)]))

const SESSION: PlotSession = {
  expression: 'x^2',
  point: { x: 1 },
  wrt: 'x',
  domain: [-1, 1],
  yRange: null,
  samples: null,
  showSecond: false,
}
const saved = { format: 'calculus-lab/plot-session', version: 1, ...SESSION }

/** Refused with a problem (never a throw), in a short sentence, and quickly. */
function expectRefused(png: Uint8Array): string {
  const { result, ms } = timed(() => readSession(png))
  expect(ms).toBeLessThan(HANG_MS)
  expect(result.ok).toBe(false)
  const message = result.ok ? '' : result.problem.message
  expect(message.length).toBeLessThan(300)
  return message
}

const restoreFailure = (why: string) => `The plot saved in this PNG cannot be restored: ${why}.`

describe('reading a hostile PNG', () => {
  it('refuses a file over the size limit before reading its signature', () => {
    const huge = new Uint8Array(LIMITS.maxPngBytes + 1)
    huge.set(foreignPng())
    expect(expectRefused(huge)).toBe('This file is 33 MB; a Calculus Lab plot is at most 32 MB.')
  })

  it(
    'refuses a file of more chunks than any plot has, at the limit',
    () => {
      const empty: PngChunk = { type: 'teXt', data: new Uint8Array() }
      const [header, ...rest] = chunksOf(foreignPng())
      const many = writeChunks([
        header as PngChunk,
        ...new Array<PngChunk>(LIMITS.maxPngChunks + 10).fill(empty),
        ...rest,
      ])
      expect(expectRefused(many)).toBe(
        `The PNG image has more than ${LIMITS.maxPngChunks} chunks; it was not made by Calculus Lab.`,
      )
    },
    BUILD_TIMEOUT_MS,
  )

  it('refuses a session of megabytes by its length, without decoding it', () => {
    const text = 'x'.repeat(2 * 1024 * 1024)
    expect(expectRefused(withSessionText(text))).toBe(
      restoreFailure(
        `it is ${text.length} bytes long; at most ${LIMITS.sessionTextLength} are allowed`,
      ),
    )
  })

  it('refuses a 30 MB session (under the 32 MB file limit) quickly, saying how long it is', () => {
    // The chunk is built as bytes: 30 MB through textChunk's checks would only slow the test down.
    const keyword = Uint8Array.from(SESSION_KEYWORD, (char) => char.charCodeAt(0))
    const data = new Uint8Array(keyword.length + 1 + 30 * 1024 * 1024).fill(0x78)
    data.set(keyword)
    data[keyword.length] = 0
    const png = writeChunks(withText(chunksOf(foreignPng()), [{ type: 'tEXt', data }]))
    expect(png.length).toBeLessThan(LIMITS.maxPngBytes)
    expect(expectRefused(png)).toBe(
      restoreFailure(
        `it is ${30 * 1024 * 1024} bytes long; at most ${LIMITS.sessionTextLength} are allowed`,
      ),
    )
  })

  it('decodes Latin-1 text in one pass: 30 MB in well under the hang bound, every byte exact', () => {
    const every = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(Array.from(latin1Text(every), (char) => char.charCodeAt(0))).toEqual([...every])
    const large = new Uint8Array(30 * 1024 * 1024).fill(0xe9)
    const { result, ms } = timed(() => latin1Text(large))
    expect(ms).toBeLessThan(HANG_MS)
    expect(result.length).toBe(large.length)
    expect(result.slice(-2)).toBe('éé')
  })

  it.each([
    [
      'thousands of keys',
      asciiJson(Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i]))),
      'it has 5000 keys; at most 32 are allowed',
    ],
    [
      'arrays nested 30000 deep',
      `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
      'it is in an unknown format',
    ],
    [
      'a point nested 10000 deep',
      asciiJson({ ...saved, point: { x: 1 } }).replace(
        '{"x":1}',
        `${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}`,
      ),
      'the point is not a set of finite values',
    ],
    [
      'a domain of 10000 items',
      asciiJson({ ...saved, domain: new Array<number>(10_000).fill(0) }),
      'the plotted range is invalid',
    ],
    [
      'a point of 60 variables',
      asciiJson({
        ...saved,
        point: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`v${i}`, 1])),
      }),
      'the point is not a set of finite values',
    ],
    [
      'a __proto__ key in the point',
      asciiJson(saved).replace('{"x":1}', '{"x":1,"__proto__":{"x":2}}'),
      'the point is not a set of finite values',
    ],
    [
      'a __proto__ key that would supply the format',
      asciiJson({ ...saved, format: undefined }).replace(
        '{',
        '{"__proto__":{"format":"calculus-lab/plot-session"},',
      ),
      'it is in an unknown format',
    ],
    [
      'a huge version string',
      asciiJson({ ...saved, version: 'v'.repeat(50_000) }),
      'it was saved by a newer Calculus Lab (version unknown)',
    ],
  ])('refuses a session with %s, saying why', (_name, text, why) => {
    expect(expectRefused(withSessionText(text))).toBe(restoreFailure(why))
  })

  it('never throws on any JSON as the session (fast-check)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const png = withSessionText(asciiJson(value))
        const { result, ms } = timed(() => readSession(png))
        expect(ms).toBeLessThan(HANG_MS)
        expect(result.ok).toBe(false)
      }),
      { numRuns: 200 },
    )
  })

  it('never throws on a damaged copy of a real plot (fast-check)', () => {
    const embedded = embedSession(foreignPng(), SESSION)
    if (!embedded.ok) throw new Error(embedded.problem.message)
    const png = embedded.value
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(png.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }),
        fc.nat(png.length),
        (flips, cut) => {
          const damaged = png.slice(0, cut)
          for (const [at, byte] of flips) if (at < damaged.length) damaged[at] = byte
          expect(() => readSession(damaged)).not.toThrow()
        },
      ),
      { numRuns: 300 },
    )
  })
})
