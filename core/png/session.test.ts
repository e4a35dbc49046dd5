import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import { crc32 } from './crc32'
import { readChunks, textChunk, withText, writeChunks } from './chunks'
import { asciiJson, embedSession, readSession, SESSION_KEYWORD, type PlotSession } from './session'

/** A real PNG from an independent encoder (pngjs), 3 × 2 pixels of known colours. */
function foreignPng(): Uint8Array {
  const png = new PNG({ width: 3, height: 2 })
  for (let i = 0; i < png.data.length; i += 4) png.data.set([31, 119, 180, 255], i)
  return new Uint8Array(PNG.sync.write(png))
}

const SESSION: PlotSession = {
  expression: 'u*v + (u*v)^2 + π·0',
  point: { u: 2, v: 1, x: -0.5 },
  wrt: 'u',
  domain: [-3, 4.5],
  yRange: null,
  samples: 100,
  showSecond: true,
}

function embedded(session: PlotSession = SESSION): Uint8Array {
  const result = embedSession(foreignPng(), session)
  if (!result.ok) throw new Error(result.problem.message)
  return result.value
}

function withSessionText(text: string): Uint8Array {
  const chunks = readChunks(foreignPng())
  if (!chunks.ok) throw new Error('fixture')
  return writeChunks(withText(chunks.value, [textChunk(SESSION_KEYWORD, text)]))
}

describe('crc32', () => {
  it('matches the CRC every PNG carries for its IEND chunk', () => {
    expect(crc32(Uint8Array.from('IEND', (c) => c.charCodeAt(0)))).toBe(0xae426082)
  })
})

describe('the session chunk', () => {
  it('is written into the PNG and read back unchanged, non-ASCII characters included', () => {
    const png = embedded()
    expect(readSession(png)).toEqual({ ok: true, value: SESSION })
  })

  it('keeps the f″ toggle, and reads a file saved before it was kept as showing f and f′ only', () => {
    expect(readSession(embedded({ ...SESSION, showSecond: true }))).toMatchObject({
      ok: true,
      value: { showSecond: true },
    })
    const { showSecond, ...older } = SESSION
    expect(showSecond).toBe(true)
    const text = asciiJson({ format: 'calculus-lab/plot-session', version: 1, ...older })
    expect(readSession(withSessionText(text))).toEqual({
      ok: true,
      value: { ...SESSION, showSecond: false },
    })
  })

  it('leaves the image itself intact: an independent decoder reads the same pixels and size', () => {
    const decoded = PNG.sync.read(Buffer.from(embedded()))
    expect([decoded.width, decoded.height]).toEqual([3, 2])
    expect([...decoded.data.subarray(0, 4)]).toEqual([31, 119, 180, 255])
  })

  it('sits before IEND, as tEXt with our keyword, in ASCII only', () => {
    const chunks = readChunks(embedded())
    if (!chunks.ok) throw new Error(chunks.problem.message)
    const types = chunks.value.map((c) => c.type)
    expect(types.at(-1)).toBe('IEND')
    expect(types.slice(-3, -1)).toEqual(['tEXt', 'tEXt'])
    const data = chunks.value.at(-2)!.data
    expect(data.every((byte) => byte < 0x7f)).toBe(true)
  })

  it('replaces an earlier session instead of adding a second one', () => {
    const again = embedSession(embedded(), { ...SESSION, wrt: 'v' })
    if (!again.ok) throw new Error(again.problem.message)
    const chunks = readChunks(again.value)
    expect(chunks.ok && chunks.value.filter((c) => c.type === 'tEXt')).toHaveLength(2)
    expect(readSession(again.value)).toMatchObject({ ok: true, value: { wrt: 'v' } })
  })

  it('escapes everything outside printable ASCII', () => {
    expect(asciiJson({ f: 'π·x\n' })).toBe('{"f":"\\u03c0\\u00b7x\\n"}')
  })
})

describe('refusing files that are not ours', () => {
  it('a PNG without our chunk gets a message that says so', () => {
    expect(readSession(foreignPng())).toEqual({
      ok: false,
      problem: {
        code: 'no-session',
        message:
          'This PNG has no Calculus Lab plot in it. Only images exported by Calculus Lab can be opened.',
      },
    })
  })

  it('a file that is not a PNG at all', () => {
    const jpeg = Uint8Array.of(0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70)
    expect(readSession(jpeg)).toMatchObject({ ok: false, problem: { code: 'not-png' } })
    expect(readSession(new Uint8Array())).toMatchObject({ ok: false, problem: { code: 'not-png' } })
  })

  it('a damaged PNG: a flipped byte fails its checksum, a cut-off file is noticed', () => {
    const png = embedded()
    const flipped = png.slice()
    flipped[40] = (flipped[40] as number) ^ 0xff
    expect(readSession(flipped)).toMatchObject({ ok: false, problem: { code: 'corrupt-png' } })
    expect(readSession(png.subarray(0, png.length - 5))).toMatchObject({
      ok: false,
      problem: { code: 'corrupt-png' },
    })
    const trailing = new Uint8Array(png.length + 3)
    trailing.set(png)
    expect(readSession(trailing)).toMatchObject({ ok: false, problem: { code: 'corrupt-png' } })
  })

  it('a session chunk that is not JSON, or not our format, or holds bad values', () => {
    const base = { format: 'calculus-lab/plot-session', version: 1, ...SESSION }
    const cases: [string, string][] = [
      ['{not json', 'it is not readable'],
      [asciiJson({ ...base, format: 'other' }), 'it is in an unknown format'],
      [asciiJson({ ...base, version: 9 }), 'it was saved by a newer Calculus Lab (version 9)'],
      [asciiJson({ ...base, expression: '' }), 'the function is missing or too long'],
      [asciiJson({ ...base, point: { u: 'two' } }), 'the point is not a set of finite values'],
      [asciiJson({ ...base, point: { uv: 1 } }), 'the point is not a set of finite values'],
      [asciiJson({ ...base, wrt: 'w' }), 'the plotted variable is missing'],
      [asciiJson({ ...base, domain: [5, 1] }), 'the plotted range is invalid'],
      // Finite ends whose width overflows: linspace would place every sample at NaN or ±Infinity.
      [asciiJson({ ...base, domain: [-1e308, 1e308] }), 'the plotted range is invalid'],
      [asciiJson({ ...base, yRange: [-1e308, 1e308] }), 'the y-range is invalid'],
      [asciiJson({ ...base, yRange: [0] }), 'the y-range is invalid'],
      [asciiJson({ ...base, samples: 1.5 }), 'the sample count is invalid'],
      [asciiJson({ ...base, showSecond: 'yes' }), 'the f″ setting is invalid'],
    ]
    for (const [text, why] of cases) {
      expect(readSession(withSessionText(text)), text).toEqual({
        ok: false,
        problem: {
          code: 'bad-session',
          message: `The plot saved in this PNG cannot be restored: ${why}.`,
        },
      })
    }
  })
})

describe('text chunks', () => {
  it('refuse keywords and text the PNG spec does not allow', () => {
    expect(() => textChunk('', 'x')).toThrow(RangeError)
    expect(() => textChunk(' lead', 'x')).toThrow(RangeError)
    expect(() => textChunk('ok', 'π')).toThrow(RangeError)
  })
})
