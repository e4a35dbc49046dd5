import { isRecord } from '../../core/protocol/guards'
import { LIMITS } from '../../core/protocol/limits'

/**
 * The renderer's one way of saving state: a versioned JSON record under a key, upgraded by migrations
 * from older versions and checked on the way back in. What storage holds is untrusted (an older or newer
 * app, a hand edit, another page of the same origin): reading never throws, and sizes are checked before
 * anything is parsed or walked, so a huge or deeply nested save is refused in time bounded by the limits.
 */

/** Longest saved text read back (LIMITS.storedStateLength): anything this long is not ours. */
export const MAX_STORED_CHARS = LIMITS.storedStateLength

type Migration = (old: Record<string, unknown>) => Record<string, unknown>

export interface PersistedSpec<T extends object> {
  key: string
  version: number
  /** What notices call the save: 'the saved session'. */
  subject: string
  /** The same in the plural: 'sessions' (saved by version 0 cannot be upgraded). */
  plural: string
  /**
   * Reads a record of the current version into a new value; null when it is damaged. It reads named
   * fields only, and counts any record or array before walking it (see ./bounded).
   */
  guard: (data: Record<string, unknown>) => T | null
  /**
   * Upgrades keyed by the version they start from; 0 is a record saved before it carried a version. A
   * migration picks the fields it keeps, never spreads the old record (it may hold a million keys).
   */
  migrations?: Readonly<Record<number, Migration>>
  /** Reads a save that is not JSON at all (a format from before JSON) as a version-0 record. */
  fromText?: (raw: string) => Record<string, unknown> | null
}

export type Loaded<T> =
  | { kind: 'empty' }
  | { kind: 'restored'; value: T }
  | { kind: 'migrated'; value: T; from: number }
  | { kind: 'reset'; reason: string }

export interface Persisted<T extends object> {
  /**
   * Reads the save. One that has to be reset is removed, so its reason is given once; one that was
   * migrated is written back in the current format.
   */
  load(): Loaded<T>
  /** Reads stored text (null: nothing saved). */
  parse(raw: string | null): Loaded<T>
  /** Reads a value already parsed from JSON. */
  accept(data: unknown): Loaded<T>
  /** Writes the value with its version; false when storage refused (full, disabled). */
  save(value: T): boolean
  clear(): void
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    // Storage can be disabled (privacy settings); the app then simply forgets on restart.
    return null
  }
}

export function definePersisted<T extends object>(spec: PersistedSpec<T>): Persisted<T> {
  const { subject, version: latest } = spec
  const reset = (reason: string): Loaded<T> => ({ kind: 'reset', reason: `${subject} ${reason}` })

  function accept(data: unknown): Loaded<T> {
    if (!isRecord(data)) return reset('has no version')
    const version = data.version ?? (spec.migrations?.[0] ? 0 : undefined)
    if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
      return reset('has no version')
    }
    if (version > latest) return reset(`comes from a newer version (${version})`)
    let current: Record<string, unknown> = data
    for (let from = version; from < latest; from++) {
      const migrate = spec.migrations?.[from]
      if (!migrate) {
        return {
          kind: 'reset',
          reason: `${spec.plural} saved by version ${version} cannot be upgraded`,
        }
      }
      current = { ...migrate(current), version: from + 1 }
    }
    const value = spec.guard(current)
    if (value === null) return reset('is damaged')
    return version === latest
      ? { kind: 'restored', value }
      : { kind: 'migrated', value, from: version }
  }

  function parse(raw: string | null): Loaded<T> {
    if (raw === null) return { kind: 'empty' }
    if (raw.length > MAX_STORED_CHARS) return reset(`is too large (${raw.length} characters)`)
    let data: unknown
    try {
      data = JSON.parse(raw)
    } catch {
      const legacy = spec.fromText?.(raw) ?? null
      return legacy ? accept({ ...legacy, version: 0 }) : reset('could not be read')
    }
    return accept(data)
  }

  function load(): Loaded<T> {
    let raw: string | null
    try {
      raw = storage()?.getItem(spec.key) ?? null
    } catch {
      return { kind: 'empty' }
    }
    const outcome = parse(raw)
    if (outcome.kind === 'reset') clear()
    if (outcome.kind === 'migrated') save(outcome.value)
    return outcome
  }

  function save(value: T): boolean {
    try {
      storage()?.setItem(spec.key, JSON.stringify({ ...value, version: latest }))
      return true
    } catch {
      return false
    }
  }

  function clear(): void {
    try {
      storage()?.removeItem(spec.key)
    } catch {
      // Nothing to forget without storage.
    }
  }

  return { load, parse, accept, save, clear }
}
