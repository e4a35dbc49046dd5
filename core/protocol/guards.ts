/**
 * Type guards for data from outside: IPC payloads, worker messages, saved state, files. Shared so every
 * reader of untrusted data means the same thing by "a record", "a finite number", "a range".
 */

/** One letter, any but 'e' (which is Euler's number). */
export const VARIABLE_NAME = /^[A-Za-df-z]$/

export const isVariableName = (name: string): boolean => VARIABLE_NAME.test(name)

/** An object that is not an array (any prototype). */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A record built as a literal or by JSON.parse: no class instance smuggled in. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/** [min, max] of finite numbers with min < max. */
export const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) &&
  value.length === 2 &&
  isFiniteNumber(value[0]) &&
  isFiniteNumber(value[1]) &&
  value[0] < value[1]
