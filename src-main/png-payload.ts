import type { SavePngRequest } from '../core/protocol/desktop'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../core/protocol/diagnostics'
import { LIMITS } from '../core/protocol/limits'
import { fail, ok, type Result } from '../core/protocol/result'

/** The eight bytes every PNG file starts with (PNG spec §5.2). */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)
/** A suggested name longer than this is not a name a person typed. */
export const MAX_SUGGESTED_NAME_LENGTH = 200
export const FALLBACK_FILE_NAME = 'calculus-lab.png'

export function hasPngSignature(bytes: Uint8Array): boolean {
  return bytes.length >= PNG_SIGNATURE.length && PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)
}

const problem = (field: string, what: string): Diagnostic =>
  requestDiagnostic('invalid-request', MESSAGES.invalidRequest(field, what))

/** What the renderer sends to savePng, checked as untrusted input: shape, PNG signature, size, name. */
export function validateSavePngRequest(value: unknown): Result<SavePngRequest> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return fail(problem('request', 'must be an object with bytes and suggestedName'))
  const problems: Diagnostic[] = []
  for (const key of Object.keys(value)) {
    if (key !== 'bytes' && key !== 'suggestedName')
      problems.push(problem(key, 'is not a known field'))
  }
  const { bytes, suggestedName } = value as { bytes?: unknown; suggestedName?: unknown }
  if (!(bytes instanceof Uint8Array)) problems.push(problem('bytes', 'must be a Uint8Array'))
  else if (bytes.byteLength > LIMITS.maxPngBytes)
    problems.push(problem('bytes', `must be at most ${LIMITS.maxPngBytes} bytes`))
  else if (!hasPngSignature(bytes)) problems.push(problem('bytes', 'is not a PNG image'))
  if (typeof suggestedName !== 'string') problems.push(problem('suggestedName', 'must be a string'))
  else if (suggestedName.length > MAX_SUGGESTED_NAME_LENGTH)
    problems.push(
      problem('suggestedName', `must be at most ${MAX_SUGGESTED_NAME_LENGTH} characters`),
    )
  if (problems.length > 0) return fail(...problems)
  return ok({ bytes: bytes as Uint8Array, suggestedName: suggestedName as string })
}

/** Names Windows reserves for devices, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i

/**
 * A file name safe on Windows, macOS and Linux from whatever the renderer suggested: no directories, no
 * control or reserved characters, no leading dots (hidden files) or trailing dots and spaces (which Windows
 * drops), not a device name, at most 100 characters before `.png`.
 */
export function sanitizeFileName(suggested: string): string {
  const stem = suggested
    .normalize('NFC')
    .replace(/\.png$/i, '')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, 100)
    .replace(/[\s.]+$/g, '')
  if (stem === '' || WINDOWS_RESERVED.test(stem)) return FALLBACK_FILE_NAME
  return `${stem}.png`
}
