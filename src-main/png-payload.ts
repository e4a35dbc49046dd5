import { hasPngSignature } from '../core/png/chunks'
import type { SavePngRequest } from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../core/protocol/diagnostics'
import { displayKey, isByteArray, isPlainRecord, ownFields } from '../core/protocol/guards'
import { LIMITS } from '../core/protocol/limits'
import { fail, failAll, ok, type Result } from '../core/protocol/result'

/** What a file is called when nothing of the suggested name survives, by the kind of file. */
const FALLBACK_STEM = { png: 'calculus-lab', ipynb: 'notebook' } as const
export type SavedExtension = keyof typeof FALLBACK_STEM

const problem = (field: string, what: string): Diagnostic =>
  requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what))

/**
 * What the renderer sends to savePng, checked as untrusted input through the bounded guards: shape, PNG
 * signature, size, name. The request is rebuilt from the checked copies.
 */
export function validateSavePngRequest(value: unknown): Result<SavePngRequest> {
  if (!isPlainRecord(value))
    return fail(problem('request', 'must be an object with bytes and suggestedName'))
  const fields = ownFields(value, LIMITS.maxFields)
  if (!fields.ok) return fail(problem('request', fields.problem))
  const problems: Diagnostic[] = []
  for (const key of Object.keys(fields.value)) {
    if (key !== 'bytes' && key !== 'suggestedName')
      problems.push(problem(displayKey(key), 'is not a known field'))
  }
  const { bytes, suggestedName } = fields.value
  if (!isByteArray(bytes)) problems.push(problem('bytes', 'must be a Uint8Array'))
  else if (bytes.byteLength > LIMITS.maxPngBytes)
    problems.push(problem('bytes', `must be at most ${LIMITS.maxPngBytes} bytes`))
  else if (!hasPngSignature(bytes)) problems.push(problem('bytes', 'is not a PNG image'))
  if (typeof suggestedName !== 'string') problems.push(problem('suggestedName', 'must be a string'))
  else if (suggestedName.length > LIMITS.suggestedNameLength)
    problems.push(
      problem('suggestedName', `must be at most ${LIMITS.suggestedNameLength} characters`),
    )
  if (problems.length > 0) return failAll(problems)
  return ok({ bytes: bytes as Uint8Array, suggestedName: suggestedName as string })
}

/**
 * Names Windows reserves for devices, in any case, with or without an extension (`NUL.tar.gz` is NUL):
 * Microsoft's "Naming Files, Paths, and Namespaces" lists COM0–COM9 and LPT0–LPT9 with the superscript
 * digits ¹ ² ³ (Windows reads them as digits), and the console's CONIN$ and CONOUT$.
 */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/i

/** The longest start of `text` that fits `maxBytes` in UTF-8, cut between characters, never inside one. */
function utf8Prefix(text: string, maxBytes: number): string {
  let bytes = 0
  let end = 0
  for (const char of text) {
    const code = char.codePointAt(0) as number
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4
    if (bytes > maxBytes) break
    end += char.length
  }
  return text.slice(0, end)
}

/**
 * A file name safe on Windows, macOS and Linux from whatever the renderer suggested: no directories, no
 * control or reserved characters, no leading dots (hidden files) or trailing dots and spaces (which Windows
 * drops), not a device name, at most LIMITS.fileNameStemLength characters and LIMITS.fileNameStemBytes
 * UTF-8 bytes before the extension (file systems count bytes: 255 at most). `extension` is what the saved
 * file ends with: `.png` for a plot, `.ipynb` for a notebook (at most 6 bytes, inside the 255).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

export function sanitizeFileName(suggested: string, extension: SavedExtension = 'png'): string {
  const ending = new RegExp(`\\.${extension}$`, 'i')
  const stem = utf8Prefix(
    suggested
      .normalize('NFC')
      .replace(ending, '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
      .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
      // Half a character (a lone UTF-16 surrogate) cannot be written: the disk would get U+FFFD instead.
      .replace(LONE_SURROGATE, '-')
      .replace(/\s+/g, ' ')
      .replace(/^[\s.-]+|[\s.]+$/g, '')
      .slice(0, LIMITS.fileNameStemLength)
      .replace(/[\uD800-\uDBFF]$/, ''), // half a character left by the cut
    LIMITS.fileNameStemBytes,
  ).replace(/[\s.]+$/g, '')
  if (stem === '' || WINDOWS_RESERVED.test(stem)) return `${FALLBACK_STEM[extension]}.${extension}`
  return `${stem}.${extension}`
}
