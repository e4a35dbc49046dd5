import fc from 'fast-check'
import { PNG } from 'pngjs'
import { readChunks, textChunk, withText, writeChunks } from '../../../core/png/chunks'
import {
  asciiJson,
  embedSession,
  readSession,
  SESSION_KEYWORD,
  type PlotSession,
} from '../../../core/png/session'
import { LIMITS } from '../../../core/protocol/limits'
import { applyEdits, domain, editedRequest, type Edit } from '../generators/requests'
import { expressionText, sliderValue } from '../generators/expressions'
import { domainRule, expressionRule, pointRule } from '../oracles'
import { finding, preview, type Entry, type Finding } from '../harness'

/**
 * PNG files as "Open PNG…" meets them (core/png readSession): real images made by pngjs with a session
 * embedded by core/png, then damaged byte by byte (bits flipped, bytes overwritten, ranges cut, repeated
 * or inserted, lengths rewritten), or with the session's JSON edited field by field and the chunk's CRC
 * made right again, so the session reader itself is reached. A session embedded and read back untouched
 * must come back equal.
 */

function plainImage(width: number, height: number): Uint8Array {
  const image = new PNG({ width, height })
  for (let i = 0; i < image.data.length; i++) image.data[i] = (i * 37) & 0xff
  return new Uint8Array(PNG.sync.write(image))
}
const IMAGES = [plainImage(1, 1), plainImage(16, 9), plainImage(64, 40)]

const variables = fc.uniqueArray(fc.constantFrom(...'abcdfghijklmnopqrstuvwxyzABCXYZ'), {
  minLength: 1,
  maxLength: 6,
})

/** A session the app could have saved: every field valid. */
export const validSession = (): fc.Arbitrary<PlotSession> =>
  fc
    .record({
      expression: expressionText(2).filter(
        (text) => text.length > 0 && text.length <= LIMITS.expressionLength,
      ),
      names: variables,
      values: fc.array(sliderValue(), { minLength: 6, maxLength: 6 }),
      domain: domain().filter((range) => domainRule(range) === null),
      yRange: fc.option(domain().filter((range) => domainRule(range) === null)),
      samples: fc.option(fc.integer({ min: LIMITS.minSamples, max: LIMITS.maxSamples })),
      showSecond: fc.boolean(),
    })
    .map(({ expression, names, values, domain: plotted, yRange, samples, showSecond }) => {
      const point: Record<string, number> = {}
      names.forEach((name, i) => (point[name] = values[i]! === 0 ? 0 : values[i]!))
      return { expression, point, wrt: names[0]!, domain: plotted, yRange, samples, showSecond }
    })

type Damage =
  | { kind: 'flip'; at: number; bit: number }
  | { kind: 'set'; at: number; byte: number }
  | { kind: 'cut'; at: number; length: number }
  | { kind: 'repeat'; at: number; length: number }
  | { kind: 'insert'; at: number; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'length'; chunk: number; value: number }

const damage: fc.Arbitrary<Damage> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bit: fc.nat({ max: 7 }) }),
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(),
    byte: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x22, 0x5c),
  }),
  fc.record({
    kind: fc.constant('cut' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('repeat' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 64 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.array(fc.nat({ max: 255 }), { minLength: 1, maxLength: 16 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('length' as const),
    chunk: fc.nat({ max: 8 }),
    value: fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 13, 12),
  }),
)

function damaged(png: Uint8Array, damages: readonly Damage[]): Uint8Array {
  let bytes = png
  for (const change of damages) {
    const at = 'at' in change ? change.at % Math.max(1, bytes.length) : 0
    if (change.kind === 'flip') {
      bytes = bytes.slice()
      bytes[at] = (bytes[at] ?? 0) ^ (1 << change.bit)
    } else if (change.kind === 'set') {
      bytes = bytes.slice()
      bytes[at] = change.byte
    } else if (change.kind === 'cut') {
      bytes = concat(bytes.subarray(0, at), bytes.subarray(at + change.length))
    } else if (change.kind === 'repeat') {
      bytes = concat(bytes.subarray(0, at + change.length), bytes.subarray(at))
    } else if (change.kind === 'insert') {
      bytes = concat(bytes.subarray(0, at), Uint8Array.from(change.bytes), bytes.subarray(at))
    } else if (change.kind === 'truncate') {
      bytes = bytes.subarray(0, at)
    } else {
      // Rewrite the length field of the chunk-th chunk, walking lengths as a reader would.
      let offset = 8
      for (let i = 0; i < change.chunk && offset + 8 <= bytes.length; i++) {
        offset += 12 + new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset)
      }
      if (offset + 4 <= bytes.length) {
        bytes = bytes.slice()
        new DataView(bytes.buffer, bytes.byteOffset).setUint32(offset, change.value)
      }
    }
  }
  return bytes
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((total, part) => total + part.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const SESSION_FIELDS = [
  'format',
  'version',
  'expression',
  'point',
  'wrt',
  'domain',
  'yRange',
  'samples',
  'showSecond',
]

/** A PNG whose session chunk holds this text, with a right CRC. */
function withSessionText(image: Uint8Array, text: string): Uint8Array {
  const chunks = readChunks(image)
  if (!chunks.ok) throw new Error('the base image is not a PNG')
  return writeChunks(withText(chunks.value, [textChunk(SESSION_KEYWORD, text)]))
}

export type PngInput =
  | { kind: 'round-trip'; image: number; session: PlotSession }
  | { kind: 'bytes'; image: number; session: PlotSession; damages: Damage[] }
  | { kind: 'session-json'; image: number; session: PlotSession; edits: Edit[] }
  | { kind: 'huge-text'; image: number; megabytes: number }

const image = fc.nat({ max: IMAGES.length - 1 })
const inputs: fc.Arbitrary<PngInput> = fc.oneof(
  {
    weight: 6000,
    arbitrary: fc.record({
      kind: fc.constant('round-trip' as const),
      image,
      session: validSession(),
    }),
  },
  {
    weight: 8000,
    arbitrary: fc.record({
      kind: fc.constant('bytes' as const),
      image,
      session: validSession(),
      damages: fc.array(damage, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 6000,
    arbitrary: fc
      .record({ image, edited: editedRequest(validSession(), SESSION_FIELDS, false) })
      .map(({ image: at, edited }) => ({
        kind: 'session-json' as const,
        image: at,
        session: edited.base,
        edits: edited.edits,
      })),
  },
  // A session chunk of megabytes (the file stays under LIMITS.maxPngBytes): rare, each is built once.
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('huge-text' as const),
      image: fc.constant(0),
      megabytes: fc.constantFrom(1, 8, 30),
    }),
  },
)

interface Ready {
  input: PngInput
  bytes: Uint8Array
}

const hugeFiles = new Map<number, Uint8Array>()
function hugeFile(megabytes: number): Uint8Array {
  let file = hugeFiles.get(megabytes)
  if (!file) {
    file = withSessionText(IMAGES[0]!, 'x'.repeat(megabytes * 1024 * 1024))
    hugeFiles.set(megabytes, file)
  }
  return file
}

function bytesOf(input: PngInput): Uint8Array {
  const base = IMAGES[input.image]!
  if (input.kind === 'huge-text') return hugeFile(input.megabytes)
  if (input.kind === 'session-json') {
    const record = applyEdits(
      { format: 'calculus-lab/plot-session', version: 1, ...input.session },
      input.edits,
    )
    let text: string
    try {
      text = asciiJson(record)
    } catch {
      text = '{'
    }
    return withSessionText(base, text ?? 'undefined')
  }
  const embedded = embedSession(base, input.session)
  if (!embedded.ok) throw new Error(`embedSession refused a real PNG: ${embedded.problem.message}`)
  return input.kind === 'bytes' ? damaged(embedded.value, input.damages) : embedded.value
}

const PROBLEM_CODES = ['not-png', 'too-large', 'corrupt-png', 'no-session', 'bad-session']

/** What an accepted session must be, from the contract, not from the reader. */
function sessionRule(session: PlotSession): { rule: string; tag: string } | null {
  const simple =
    (session.expression.length === 0 ? 'empty expression' : expressionRule(session.expression)) ??
    pointRule(session.point) ??
    (session.wrt in session.point ? null : 'wrt has no value') ??
    (session.samples === null ||
    (Number.isSafeInteger(session.samples) &&
      session.samples >= LIMITS.minSamples &&
      session.samples <= LIMITS.maxSamples)
      ? null
      : 'samples out of range') ??
    (typeof session.showSecond === 'boolean' ? null : 'showSecond not a boolean')
  if (simple) return { rule: simple, tag: 'session' }
  return domainRule(session.domain) ?? (session.yRange === null ? null : domainRule(session.yRange))
}

const sameNumbers = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

export const pngFiles: Entry<PngInput, Ready> = {
  name: 'png',
  covers: 'core/png readSession of damaged files; embedSession then readSession',
  arbitrary: () => inputs,
  prepare: (input) => ({ input, bytes: bytesOf(input) }),
  check({ input, bytes }) {
    const read = readSession(bytes)
    const findings: Finding[] = []
    if (typeof read !== 'object' || read === null || typeof read.ok !== 'boolean')
      return [finding('notResult', 'png-result', 'readSession answered no PngResult')]
    if (!read.ok) {
      const { code, message } = read.problem ?? {}
      if (!PROBLEM_CODES.includes(String(code)) || typeof message !== 'string' || message === '')
        findings.push(
          finding('notResult', 'png-problem', `a problem without a known code: ${String(code)}`),
        )
      if (input.kind === 'round-trip')
        findings.push(
          finding('dataLost', 'session-round-trip', `a valid session was refused: ${message}`),
        )
      return findings
    }
    const broken = sessionRule(read.value)
    if (broken)
      findings.push(finding('badAccepted', broken.tag, `accepted a session with ${broken.rule}`))
    if (input.kind === 'round-trip' && !sameNumbers(read.value, input.session))
      findings.push(
        finding(
          'dataLost',
          'session-round-trip',
          'the session read back differs from the one embedded',
        ),
      )
    if (input.kind === 'huge-text')
      findings.push(finding('badAccepted', 'huge-session', 'a megabyte session was accepted'))
    return findings
  },
  describe: (input) =>
    input.kind === 'huge-text'
      ? `a session chunk of ${input.megabytes} MB`
      : `${input.kind} image=${input.image} ${preview(input)}`,
}
