import fc from 'fast-check'
import { sanitizeFileName } from '../../../src-main/png-payload'
import { LIMITS } from '../../../core/protocol/limits'
import { finding, preview, type Entry, type Finding } from '../harness'

/**
 * The name the renderer suggests for a saved PNG (src-main/png-payload.ts sanitizeFileName): whatever it
 * is, the result must be one safe file name on Windows, macOS and Linux, and a name that already is one
 * must be kept as it is.
 */

/** Windows device names, with the digits Windows also reads as digits (¹ ² ³) and the console names. */
const DEVICES = [
  'CON',
  'PRN',
  'AUX',
  'NUL',
  'COM1',
  'COM9',
  'LPT1',
  'LPT9',
  'COM¹',
  'COM²',
  'COM³',
  'LPT¹',
  'LPT²',
  'LPT³',
  'CONIN$',
  'CONOUT$',
  'COM0',
  'LPT0',
]
const RESERVED_STEM = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i
// eslint-disable-next-line no-control-regex -- control characters are exactly what must not pass
const FORBIDDEN = /[\u0000-\u001f\u007f<>:"/\\|?*]/

const pieces = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '.',
      '..',
      '/',
      '\\',
      ':',
      ' ',
      '\t',
      '\n',
      '\u0000',
      '.png',
      '.PNG',
      '~',
      '$',
      '\u200b',
      '\u202e',
      '\ud800',
      '\udc00',
      '..\\..\\',
      '/etc/passwd',
      'C:\\',
      '\u00e9',
      'e\u0301',
      '𝑥',
      '😀',
      '漢字',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(...DEVICES)
      .chain((device) =>
        fc.constantFrom(
          device,
          device.toLowerCase(),
          `${device}.txt`,
          `${device}.png`,
          ` ${device}`,
          `${device} `,
          `${device}.`,
        ),
      ),
  },
)

/** Names near each length limit: characters, UTF-8 bytes, and the suggested name's own limit. */
const longNames = fc
  .tuple(fc.constantFrom('a', 'é', '漢', '😀', 'a.', ' '), fc.integer({ min: 60, max: 260 }))
  .map(([unit, count]) => unit.repeat(count))

const SAFE_UNITS = 'abcxyzABC0129 -_()+,=[]'
/** A name that is already safe and short: it must come back unchanged. */
const safeStem = fc
  .string({ unit: fc.constantFrom(...SAFE_UNITS), minLength: 1, maxLength: 60 })
  .map((text) => `p${text.replace(/\s+/g, ' ')}q`)

export type FileNameInput = { kind: 'any'; name: string } | { kind: 'safe'; stem: string }

const inputs: fc.Arbitrary<FileNameInput> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .array(pieces, { maxLength: 6 })
      .map((parts) => ({ kind: 'any' as const, name: parts.join('') })),
  },
  { weight: 1, arbitrary: longNames.map((name) => ({ kind: 'any' as const, name })) },
  { weight: 2, arbitrary: safeStem.map((stem) => ({ kind: 'safe' as const, stem })) },
)

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length

function problems(name: string): Finding[] {
  const findings: Finding[] = []
  const bad = (tag: string, what: string) => findings.push(finding('badAccepted', tag, what))
  if (!name.endsWith('.png')) bad('extension', 'the name does not end in .png')
  const stem = name.slice(0, -'.png'.length)
  if (stem.length === 0) bad('empty', 'an empty stem')
  if (FORBIDDEN.test(stem)) bad('forbidden-character', 'a control or reserved character')
  if (/^[.\s]/.test(stem)) bad('leading-dot', 'a hidden or blank-led name')
  if (/[.\s]$/.test(stem)) bad('trailing-dot', 'a trailing dot or space (Windows drops it)')
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(stem))
    bad('half-character', 'half a UTF-16 pair')
  if (stem.length > LIMITS.fileNameStemLength || utf8Bytes(stem) > LIMITS.fileNameStemBytes)
    bad('too-long', `${utf8Bytes(stem)} bytes`)
  if (RESERVED_STEM.test(stem)) bad('windows-device-name', `the device name ${stem}`)
  return findings
}

export const fileNames: Entry<FileNameInput> = {
  name: 'file-name',
  covers: 'src-main/png-payload.ts sanitizeFileName',
  arbitrary: () => inputs,
  check(input) {
    const suggested = input.kind === 'safe' ? `${input.stem}.png` : input.name
    const name = sanitizeFileName(suggested)
    if (typeof name !== 'string') return [finding('notResult', 'name-type', 'no string')]
    const findings = problems(name)
    if (findings.length === 0 && sanitizeFileName(name) !== name)
      findings.push(
        finding(
          'badAccepted',
          'not-stable',
          `sanitized twice gives ${preview(sanitizeFileName(name))}`,
        ),
      )
    if (input.kind === 'safe' && name !== suggested)
      findings.push(finding('dataLost', 'safe-name-changed', `a safe name became ${preview(name)}`))
    return findings
  },
  describe: (input) => preview(input.kind === 'safe' ? `${input.stem}.png` : input.name),
}
