import { describe, expect, it } from 'vitest'
import {
  BUILD_TIMEOUT_MS,
  HANG_MS,
  hostile,
  HOSTILE_KINDS,
  timed,
} from '../core/test-support/hostile'
import { LIMITS } from '../core/protocol/limits'
import { PNG_SIGNATURE } from '../core/png/chunks'
import { sanitizeFileName, validateSavePngRequest } from './png-payload'

const png = (extra = 16) => {
  const bytes = new Uint8Array(PNG_SIGNATURE.length + extra)
  bytes.set(PNG_SIGNATURE)
  return bytes
}
const codes = (value: unknown) => {
  const result = validateSavePngRequest(value)
  return result.ok ? [] : result.diagnostics.map((d) => d.message)
}

describe('validateSavePngRequest', () => {
  it('accepts PNG bytes with a short name', () => {
    const bytes = png()
    expect(validateSavePngRequest({ bytes, suggestedName: 'plot' })).toEqual({
      ok: true,
      value: { bytes, suggestedName: 'plot' },
    })
  })

  it('accepts a Buffer, which is a Uint8Array', () => {
    expect(validateSavePngRequest({ bytes: Buffer.from(png()), suggestedName: 'a' }).ok).toBe(true)
  })

  it.each([
    [null, "Invalid request: 'request' must be an object with bytes and suggestedName."],
    [[png()], "Invalid request: 'request' must be an object with bytes and suggestedName."],
    [
      { bytes: [137, 80, 78, 71], suggestedName: 'a' },
      "Invalid request: 'bytes' must be a Uint8Array.",
    ],
    [{ bytes: 'iVBOR', suggestedName: 'a' }, "Invalid request: 'bytes' must be a Uint8Array."],
    [
      { bytes: new Uint8Array(64), suggestedName: 'a' },
      "Invalid request: 'bytes' is not a PNG image.",
    ],
    [
      { bytes: PNG_SIGNATURE.slice(0, 7), suggestedName: 'a' },
      "Invalid request: 'bytes' is not a PNG image.",
    ],
    [{ bytes: png(), suggestedName: 42 }, "Invalid request: 'suggestedName' must be a string."],
    [
      { bytes: png(), suggestedName: 'x'.repeat(201) },
      "Invalid request: 'suggestedName' must be at most 200 characters.",
    ],
    [
      { bytes: png(), suggestedName: 'a', path: '/etc/passwd' },
      "Invalid request: 'path' is not a known field.",
    ],
  ])('refuses %#', (value, message) => {
    expect(codes(value)).toContain(message)
  })

  it('refuses bytes over the size limit before looking at them', () => {
    const huge = new Uint8Array(LIMITS.maxPngBytes + 1)
    huge.set(PNG_SIGNATURE)
    expect(codes({ bytes: huge, suggestedName: 'a' })).toEqual([
      `Invalid request: 'bytes' must be at most ${LIMITS.maxPngBytes} bytes.`,
    ])
  })
})

describe('sanitizeFileName', () => {
  it.each([
    ['plot of x^2', 'plot of x^2.png'],
    ['plot.png', 'plot.png'],
    ['PLOT.PNG', 'PLOT.png'],
    ['../../etc/passwd', 'etc-passwd.png'],
    ['C:\\Windows\\evil', 'C-Windows-evil.png'],
    ['a<b>c:d"e|f?g*h', 'a-b-c-d-e-f-g-h.png'],
    ['line\nbreak\u0000nul', 'line-break-nul.png'],
    ['.hidden', 'hidden.png'],
    ['trailing dots...', 'trailing dots.png'],
    ['   ', 'calculus-lab.png'],
    ['', 'calculus-lab.png'],
    ['CON', 'calculus-lab.png'],
    ['lpt1.txt', 'calculus-lab.png'],
    ['COM¹', 'calculus-lab.png'],
    ['com².txt', 'calculus-lab.png'],
    ['COM³.png', 'calculus-lab.png'],
    ['LPT¹', 'calculus-lab.png'],
    ['lpt².tar.gz', 'calculus-lab.png'],
    ['Lpt³', 'calculus-lab.png'],
    ['CONIN$', 'calculus-lab.png'],
    ['conin$.log', 'calculus-lab.png'],
    ['CONOUT$', 'calculus-lab.png'],
    ['ConOut$.PNG', 'calculus-lab.png'],
    ['nul .txt', 'calculus-lab.png'],
    ['COM0', 'calculus-lab.png'],
    ['COM10', 'COM10.png'],
    ['COM⁴', 'COM⁴.png'],
    ['CONIN', 'CONIN.png'],
    ['console', 'console.png'],
    ['f(x) = sin(x)·e^x', 'f(x) = sin(x)·e^x.png'],
  ])('%j → %j', (input, expected) => {
    expect(sanitizeFileName(input)).toBe(expected)
  })

  it('replaces half a character (a lone surrogate), which no file system can store, and keeps whole ones', () => {
    expect(sanitizeFileName('\udc00')).toBe('calculus-lab.png')
    expect(sanitizeFileName('a\ud800x')).toBe('a-x.png')
    expect(sanitizeFileName('x\udfff')).toBe('x-.png')
    expect(sanitizeFileName('f😀x')).toBe('f😀x.png')
  })
  it('keeps names short', () => {
    expect(sanitizeFileName('y'.repeat(180))).toBe(`${'y'.repeat(100)}.png`)
  })

  it('keeps names short in bytes too, cutting between characters, so the file system takes them', () => {
    const cjk = sanitizeFileName('函'.repeat(100))
    expect(cjk).toBe(`${'函'.repeat(66)}.png`)
    expect(Buffer.byteLength(cjk)).toBeLessThanOrEqual(255)
    const emoji = sanitizeFileName('😀'.repeat(60))
    expect(emoji).toBe(`${'😀'.repeat(50)}.png`)
    expect(sanitizeFileName(`${'a'.repeat(99)}😀`)).toBe(`${'a'.repeat(99)}.png`)
  })

  it('names a notebook .ipynb by the same rules, with its own fallback name', () => {
    expect(sanitizeFileName('lab 1.ipynb', 'ipynb')).toBe('lab 1.ipynb')
    expect(sanitizeFileName('Lab.IPYNB', 'ipynb')).toBe('Lab.ipynb')
    expect(sanitizeFileName('../lab/notes', 'ipynb')).toBe('lab-notes.ipynb')
    expect(sanitizeFileName('plot.png', 'ipynb')).toBe('plot.png.ipynb')
    expect(sanitizeFileName('NUL.ipynb', 'ipynb')).toBe('notebook.ipynb')
    expect(sanitizeFileName('', 'ipynb')).toBe('notebook.ipynb')
    expect(Buffer.byteLength(sanitizeFileName('函'.repeat(100), 'ipynb'))).toBeLessThanOrEqual(255)
  })
})

describe('validateSavePngRequest, given hostile payloads', () => {
  const base = { bytes: png(), suggestedName: 'plot' }

  /** Refused with diagnostics (never a throw), each message short, and quickly. */
  function expectRefused(value: unknown): string[] {
    const { result, ms } = timed(() => validateSavePngRequest(value))
    expect(result.ok).toBe(false)
    expect(ms).toBeLessThan(HANG_MS)
    const found = result.ok ? [] : result.diagnostics.map((d) => d.message)
    expect(found.length).toBeGreaterThan(0)
    expect(found.length).toBeLessThanOrEqual(LIMITS.maxFields + 2)
    for (const message of found) expect(message.length).toBeLessThan(300)
    return found
  }

  it(
    'refuses a million unknown keys with one diagnostic that counts them',
    () => {
      expect(expectRefused(hostile('a million unknown fields beside valid ones', base))).toEqual([
        `Invalid request: 'request' has 1000002 keys; at most ${LIMITS.maxFields} are allowed.`,
      ])
    },
    BUILD_TIMEOUT_MS,
  )

  it(
    'refuses every hostile value, as the request and as each field',
    () => {
      for (const kind of HOSTILE_KINDS) {
        expectRefused(hostile(kind, base))
        expectRefused({ ...base, bytes: hostile(kind, { x: 1 }) })
        expectRefused({ ...base, suggestedName: hostile(kind, { x: 1 }) })
      }
    },
    BUILD_TIMEOUT_MS,
  )

  it('refuses an object that only pretends to be bytes', () => {
    const pretend = Object.setPrototypeOf({ byteLength: 16 }, Uint8Array.prototype) as unknown
    expect(expectRefused({ ...base, bytes: pretend })).toEqual([
      "Invalid request: 'bytes' must be a Uint8Array.",
    ])
    const proxied = new Proxy(png(), {})
    expect(expectRefused({ ...base, bytes: proxied })).toEqual([
      "Invalid request: 'bytes' must be a Uint8Array.",
    ])
  })
})
