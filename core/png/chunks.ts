import { LIMITS } from '../protocol/limits'
import { crc32 } from './crc32'

/**
 * Reading and writing the chunk layer of PNG files (PNG spec, §5): an 8-byte signature, then chunks of
 * length (4 bytes, big-endian), type (4 ASCII letters), data and a CRC over type and data. Pixels are never
 * decoded here; the canvas that made the image already compressed them.
 */

export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)

export interface PngChunk {
  type: string
  data: Uint8Array
}

export type PngProblem =
  | { code: 'not-png'; message: string }
  | { code: 'too-large'; message: string }
  | { code: 'corrupt-png'; message: string }
  | { code: 'no-session'; message: string }
  | { code: 'bad-session'; message: string }
  | { code: 'bad-notebook'; message: string }

export type PngResult<T> = { ok: true; value: T } | { ok: false; problem: PngProblem }

export const pngOk = <T>(value: T): PngResult<T> => ({ ok: true, value })
export const pngFail = <T = never>(code: PngProblem['code'], message: string): PngResult<T> => ({
  ok: false,
  problem: { code, message } as PngProblem,
})

/** The PNG spec limits a chunk's length to 2³¹ − 1 bytes. */
const MAX_CHUNK_LENGTH = 0x7fffffff

const asciiBytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))
/**
 * Latin-1 bytes as text, each byte the code point of the same number (PNG spec §11.3.4.1). One pass, a
 * block of bytes per fromCharCode call (30 MB in about 0.2 s): appending a character at a time made it
 * cost seconds, and one call for a whole chunk would overflow the argument list. Not TextDecoder: its
 * 'latin1' is windows-1252 (0x80–0x9f become other characters), it is slower here, and core is built
 * without DOM or Node types.
 */
const LATIN1_BLOCK = 8192
export function latin1Text(bytes: Uint8Array): string {
  const parts: string[] = []
  for (let start = 0; start < bytes.length; start += LATIN1_BLOCK) {
    // apply takes any array-like of numbers; a typed array is one, though the types say number[].
    const block = bytes.subarray(start, start + LATIN1_BLOCK) as unknown as number[]
    parts.push(String.fromCharCode.apply(null, block))
  }
  return parts.join('')
}

/** A tEXt chunk's keyword: the bytes before its first zero (none for a damaged chunk). */
function keywordOf(data: Uint8Array): string | null {
  const zero = data.subarray(0, 80).indexOf(0)
  return zero === -1 ? null : latin1Text(data.subarray(0, zero))
}

function readUint32(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] as number) << 24) |
      ((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number)) >>>
    0
  )
}

function writeUint32(target: Uint8Array, offset: number, value: number): void {
  target[offset] = value >>> 24
  target[offset + 1] = (value >>> 16) & 0xff
  target[offset + 2] = (value >>> 8) & 0xff
  target[offset + 3] = value & 0xff
}

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((b, i) => bytes[i] === b)
}

const megabytes = (bytes: number) => `${Math.ceil(bytes / 1024 / 1024)} MB`

/**
 * Splits a PNG into its chunks, checking everything a reader can check without decoding pixels: the
 * signature, every length and CRC, IHDR first, IEND last and nothing after it. The file is untrusted:
 * its size and its number of chunks are bounded (LIMITS) before and while it is walked.
 */
export function readChunks(bytes: Uint8Array): PngResult<PngChunk[]> {
  if (bytes.length > LIMITS.maxPngBytes) {
    return pngFail(
      'too-large',
      `This file is ${megabytes(bytes.length)}; a Calculus Lab plot is at most ${megabytes(LIMITS.maxPngBytes)}.`,
    )
  }
  if (!hasPngSignature(bytes)) return pngFail('not-png', 'This file is not a PNG image.')
  const chunks: PngChunk[] = []
  let offset = PNG_SIGNATURE.length
  while (offset < bytes.length) {
    if (chunks.length === LIMITS.maxPngChunks) {
      return pngFail(
        'corrupt-png',
        `The PNG image has more than ${LIMITS.maxPngChunks} chunks; it was not made by Calculus Lab.`,
      )
    }
    if (offset + 12 > bytes.length) {
      return pngFail('corrupt-png', 'The PNG image is cut off in the middle of a chunk.')
    }
    const length = readUint32(bytes, offset)
    const typeBytes = bytes.subarray(offset + 4, offset + 8)
    const type = latin1Text(typeBytes)
    if (!/^[A-Za-z]{4}$/.test(type)) {
      return pngFail('corrupt-png', 'The PNG image has a damaged chunk.')
    }
    if (length > MAX_CHUNK_LENGTH || offset + 12 + length > bytes.length) {
      return pngFail('corrupt-png', `The PNG image is cut off inside its ${type} chunk.`)
    }
    const data = bytes.subarray(offset + 8, offset + 8 + length)
    const stored = readUint32(bytes, offset + 8 + length)
    if (crc32(typeBytes, data) !== stored) {
      return pngFail(
        'corrupt-png',
        `The PNG image is damaged (the ${type} chunk fails its checksum).`,
      )
    }
    chunks.push({ type, data })
    offset += 12 + length
    if (type === 'IEND') break
  }
  if (chunks[0]?.type !== 'IHDR' || chunks[0].data.length !== 13) {
    return pngFail('corrupt-png', 'The PNG image has no valid header.')
  }
  if (chunks.at(-1)?.type !== 'IEND' || offset !== bytes.length) {
    return pngFail('corrupt-png', 'The PNG image does not end where it should.')
  }
  return pngOk(chunks)
}

export function writeChunks(chunks: readonly PngChunk[]): Uint8Array {
  const size = chunks.reduce((total, chunk) => total + 12 + chunk.data.length, PNG_SIGNATURE.length)
  const out = new Uint8Array(size)
  out.set(PNG_SIGNATURE, 0)
  let offset = PNG_SIGNATURE.length
  for (const { type, data } of chunks) {
    const typeBytes = asciiBytes(type)
    writeUint32(out, offset, data.length)
    out.set(typeBytes, offset + 4)
    out.set(data, offset + 8)
    writeUint32(out, offset + 8 + data.length, crc32(typeBytes, data))
    offset += 12 + data.length
  }
  return out
}

/**
 * A tEXt chunk (PNG spec §11.3.4.3): a Latin-1 keyword of 1–79 characters, a zero byte, then Latin-1 text.
 * Callers keep the text to ASCII (see session.ts), which is valid Latin-1 and valid UTF-8 alike.
 */
export function textChunk(keyword: string, text: string): PngChunk {
  if (!/^[\x20-\x7e]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) {
    throw new RangeError(`Invalid PNG text keyword '${keyword}'.`)
  }
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0 || code > 0xff) throw new RangeError('PNG tEXt holds Latin-1 text only.')
  }
  const data = new Uint8Array(keyword.length + 1 + text.length)
  data.set(asciiBytes(keyword), 0)
  data.set(asciiBytes(text), keyword.length + 1)
  return { type: 'tEXt', data }
}

/**
 * The undecoded text of the last tEXt chunk with this keyword (the one a reader honours), so a caller can
 * bound its length before decoding it; undefined when there is none.
 */
export function lastTextBytes(
  chunks: readonly PngChunk[],
  keyword: string,
): Uint8Array | undefined {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const { type, data } = chunks[i] as PngChunk
    if (type === 'tEXt' && keywordOf(data) === keyword) return data.subarray(keyword.length + 1)
  }
  return undefined
}

/** The chunks with text chunks placed just before IEND (where the spec allows them), replacing old ones. */
export function withText(chunks: readonly PngChunk[], added: readonly PngChunk[]): PngChunk[] {
  const replaced = new Set(added.map(({ data }) => keywordOf(data)))
  const kept = chunks.filter(({ type, data }) => type !== 'tEXt' || !replaced.has(keywordOf(data)))
  const end = kept.length - 1
  return kept.slice(0, end).concat(added, kept.slice(end))
}
