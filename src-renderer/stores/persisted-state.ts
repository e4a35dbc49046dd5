import { isFiniteNumber, isRange, isRecord, isVariableName } from '../../core/protocol/guards'
import { LIMITS } from '../../core/protocol/limits'
import type { SliderState } from './variables'
import type { ThemePreference } from './theme'
import { THEME_PREFERENCES } from './theme'

/**
 * The saved session, versioned. Bump SCHEMA_VERSION when the shape changes and add a migration from the
 * previous version to MIGRATIONS; a version without a migration path is replaced by defaults.
 */
export const SCHEMA_VERSION = 1
export const STORAGE_KEY = 'calculus-lab:session'

export interface PersistedState {
  version: typeof SCHEMA_VERSION
  expression: string
  sliders: Record<string, SliderState>
  wrt: string
  view: { domain: [number, number]; yOverride: [number, number] | null; showSecond: boolean }
  theme: ThemePreference
}

export type LoadOutcome =
  | { kind: 'empty' }
  | { kind: 'restored'; state: PersistedState }
  | { kind: 'migrated'; state: PersistedState; from: number }
  | { kind: 'reset'; reason: string }

/** Migrations keyed by the version they upgrade from. None yet: version 1 is the first schema. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {}

function isSlider(value: unknown): value is SliderState {
  return (
    isRecord(value) &&
    isFiniteNumber(value.value) &&
    isRange([value.min, value.max]) &&
    isFiniteNumber(value.step) &&
    value.step > 0
  )
}

function isState(
  value: Record<string, unknown>,
): value is Record<string, unknown> & PersistedState {
  const { expression, sliders, wrt, view, theme } = value
  return (
    typeof expression === 'string' &&
    expression.length <= LIMITS.expressionLength &&
    isRecord(sliders) &&
    Object.entries(sliders).every(([name, slider]) => isVariableName(name) && isSlider(slider)) &&
    typeof wrt === 'string' &&
    isVariableName(wrt) &&
    isRecord(view) &&
    isRange(view.domain) &&
    (view.yOverride === null || isRange(view.yOverride)) &&
    typeof view.showSecond === 'boolean' &&
    (THEME_PREFERENCES as readonly unknown[]).includes(theme)
  )
}

/** Reads what was saved; never throws, whatever the storage holds. */
export function parsePersisted(raw: string | null): LoadOutcome {
  if (raw === null) return { kind: 'empty' }
  let data: unknown
  try {
    data = JSON.parse(raw)
  } catch {
    return { kind: 'reset', reason: 'the saved session could not be read' }
  }
  if (!isRecord(data) || !isFiniteNumber(data.version)) {
    return { kind: 'reset', reason: 'the saved session has no version' }
  }
  const from = data.version
  let current: Record<string, unknown> = data
  for (let version = from; version < SCHEMA_VERSION; version++) {
    const migrate = MIGRATIONS[version]
    if (!migrate) {
      return { kind: 'reset', reason: `sessions saved by version ${from} cannot be upgraded` }
    }
    current = { ...migrate(current), version: version + 1 }
  }
  if (current.version !== SCHEMA_VERSION) {
    return { kind: 'reset', reason: `the saved session comes from a newer version (${from})` }
  }
  if (!isState(current)) return { kind: 'reset', reason: 'the saved session is damaged' }
  return from === SCHEMA_VERSION
    ? { kind: 'restored', state: current }
    : { kind: 'migrated', state: current, from }
}
