import { isRecord } from '../../core/protocol/guards'

/**
 * Checks for saved state that stay cheap whatever the input: they count before they walk, stop at a
 * limit, and never recurse, so a record with a million keys or an array of a million items is refused
 * after looking at `limit + 1` of them.
 */

/** Own keys of `record`, counted up to `limit + 1` (enough to know it is past the limit). */
export function countKeysUpTo(record: Record<string, unknown>, limit: number): number {
  let count = 0
  for (const key in record) {
    if (!Object.hasOwn(record, key)) continue
    if (++count > limit) break
  }
  return count
}

/** A record of at most `maxKeys` own keys. */
export const isRecordWithin = (value: unknown, maxKeys: number): value is Record<string, unknown> =>
  isRecord(value) && countKeysUpTo(value, maxKeys) <= maxKeys

/** A string of at most `maxLength` characters. */
export const isStringWithin = (value: unknown, maxLength: number): value is string =>
  typeof value === 'string' && value.length <= maxLength

/** An array of at most `maxItems` strings, each at most `maxLength` characters. */
export function isStringListWithin(
  value: unknown,
  maxItems: number,
  maxLength: number,
): value is string[] {
  if (!Array.isArray(value) || value.length > maxItems) return false
  for (const item of value) if (!isStringWithin(item, maxLength)) return false
  return true
}
