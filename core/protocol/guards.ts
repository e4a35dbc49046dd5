import { LIMITS } from './limits'

/**
 * Guards for data from outside: IPC payloads, worker messages, saved state, files. Shared so every reader
 * of untrusted data means the same thing by "a record", "a finite number", "a range".
 *
 * Every guard here is bounded and never throws: it counts before it walks and refuses past a limit, it
 * never recurses, never spreads a list it was given into arguments, and never runs code the data carries
 * (a getter, a Proxy trap) outside a try. What it reads it copies, so a later read sees the same values.
 */

/** One letter, any but 'e' (which is Euler's number). */
const VARIABLE_NAME = /^[A-Za-df-z]$/

export const isVariableName = (name: string): boolean =>
  name.length === 1 && VARIABLE_NAME.test(name)

/** What a bounded read found: the copy, or why it was refused, as a phrase that follows a field's name. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string }

const refused = (problem: string): { ok: false; problem: string } => ({ ok: false, problem })
const UNREADABLE = 'cannot be read'

/** A reflective read (a Proxy trap, a getter) may throw: that makes the value unreadable, not the app crash. */
function attempt<T>(read: () => T, otherwise: T): T {
  try {
    return read()
  } catch {
    return otherwise
  }
}

/** A key as a message may quote it: a hostile key can be megabytes long. */
export function displayKey(key: string): string {
  return key.length > LIMITS.displayedKeyLength
    ? `${key.slice(0, LIMITS.displayedKeyLength)}…`
    : key
}

/** An object that is not an array (any prototype). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !attempt(() => Array.isArray(value), true)

/** A record built as a literal, by JSON.parse or by a structured clone: no class instance smuggled in. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false
  const proto = attempt<unknown>(() => Object.getPrototypeOf(value), undefined)
  return proto === Object.prototype || proto === null
}

/**
 * The own enumerable keys of an untrusted object, refused when there are more than `limit`. The count comes
 * from the engine in one native step, with no stack and no script run per key; only then are keys walked.
 * (JavaScript has no way to count an object's keys in less than their number: that native step is linear
 * in the object, which whoever sent it already paid to build.)
 */
export function boundedOwnKeys(value: object, limit: number): Checked<string[]> {
  // An array's (or typed array's) keys are its indices: its length bounds them, and costs nothing to read,
  // where listing ten million indices takes seconds.
  const length = attempt<number | null>(() => indexedLength(value), null)
  if (length === null) return refused(UNREADABLE)
  if (length > limit) return refused(`has ${length} items; at most ${limit} are allowed`)
  const keys = attempt<string[] | null>(() => Object.keys(value), null)
  if (keys === null) return refused(UNREADABLE)
  if (keys.length > limit) return refused(`has ${keys.length} keys; at most ${limit} are allowed`)
  return { ok: true, value: keys }
}

/** The length of an array or a typed array (its index keys); 0 for anything else. */
function indexedLength(value: object): number {
  if (Array.isArray(value)) return (value as unknown[]).length
  if (!ArrayBuffer.isView(value) || value instanceof DataView) return 0
  return (value as Uint8Array).length
}

function dataValue(target: object, key: string | number): Checked<unknown> {
  const descriptor = attempt<PropertyDescriptor | undefined | null>(
    () => Object.getOwnPropertyDescriptor(target, key),
    null,
  )
  if (descriptor === null) return refused(UNREADABLE)
  if (descriptor === undefined) return { ok: true, value: undefined }
  if (!('value' in descriptor)) {
    return refused(`has a getter for '${displayKey(String(key))}'; only plain values are allowed`)
  }
  return { ok: true, value: descriptor.value as unknown }
}

/**
 * A copy of a plain record's own fields, at most `limit` of them, read without running a getter. The copy
 * has no prototype, so a key like `__proto__` is just a key.
 */
export function ownFields(value: unknown, limit: number): Checked<Record<string, unknown>> {
  if (!isPlainRecord(value)) return refused('must be an object')
  const keys = boundedOwnKeys(value, limit)
  if (!keys.ok) return keys
  const fields: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  for (const key of keys.value) {
    const field = dataValue(value, key)
    if (!field.ok) return field
    fields[key] = field.value
  }
  return { ok: true, value: fields }
}

/**
 * A copy of an array's items, refused when it is longer than `maxLength`: the length is read first (one
 * number, even for a sparse array of length 2³² − 1), so a huge array costs nothing to refuse.
 */
export function boundedArray(value: unknown, maxLength: number): Checked<unknown[]> {
  if (!attempt(() => Array.isArray(value), false)) return refused('must be an array')
  const length = dataValue(value as object, 'length')
  if (!length.ok || typeof length.value !== 'number') return refused(UNREADABLE)
  if (length.value > maxLength) {
    return refused(`has ${length.value} items; at most ${maxLength} are allowed`)
  }
  const items: unknown[] = []
  for (let i = 0; i < length.value; i++) {
    const item = dataValue(value as object, i)
    if (!item.ok) return item
    items.push(item.value)
  }
  return { ok: true, value: items }
}

/**
 * A genuine Uint8Array (a Buffer is one), not an object that only claims its prototype: the engine's own
 * check, which no Proxy passes.
 */
export const isByteArray = (value: unknown): value is Uint8Array =>
  ArrayBuffer.isView(value) && attempt(() => value instanceof Uint8Array, false)

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/**
 * Whether max − min is a finite number. Two finite ends can be a range too wide for a double
 * ([-1e308, 1e308] is 2e308 = Infinity wide): linspace's step is then Infinity and every sample position
 * NaN or ±Infinity. With a finite width every position of linspace lies between the two ends, so this
 * one check keeps them all finite.
 */
export const hasFiniteWidth = (min: number, max: number): boolean => Number.isFinite(max - min)

/** [min, max] of finite numbers with min < max and a finite width, copied; null for anything else. */
export function rangeOf(value: unknown): [number, number] | null {
  const items = boundedArray(value, 2)
  if (!items.ok || items.value.length !== 2) return null
  const [min, max] = items.value
  return isFiniteNumber(min) && isFiniteNumber(max) && min < max && hasFiniteWidth(min, max)
    ? [min, max]
    : null
}

/** [min, max] of finite numbers with min < max and a finite width. */
export const isRange = (value: unknown): value is [number, number] => rangeOf(value) !== null

/** A sample count the core accepts: a whole number from LIMITS.minSamples to LIMITS.maxSamples. */
export const isSampleCount = (value: unknown): value is number =>
  Number.isSafeInteger(value) &&
  (value as number) >= LIMITS.minSamples &&
  (value as number) <= LIMITS.maxSamples
