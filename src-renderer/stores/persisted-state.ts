import { isFiniteNumber, isRange, isVariableName } from '../../core/protocol/guards'
import { LIMITS } from '../../core/protocol/limits'
import type { SliderState } from './variables'
import type { ThemePreference } from './theme'
import { THEME_PREFERENCES } from './theme'
import { isRecordWithin, isStringWithin } from './bounded'
import { definePersisted } from './persisted'

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

/** Migrations keyed by the version they upgrade from. None yet: version 1 is the first schema. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {}

function readSlider(value: unknown): SliderState | null {
  if (!isRecordWithin(value, 4)) return null
  const { value: at, min, max, step } = value
  const range = [min, max]
  const valid = isFiniteNumber(at) && isRange(range) && isFiniteNumber(step) && step > 0
  return valid ? { value: at, min: range[0], max: range[1], step } : null
}

/** The sliders, one per variable the language allows: counted before they are read. */
function readSliders(value: unknown): Record<string, SliderState> | null {
  if (!isRecordWithin(value, LIMITS.maxVariables)) return null
  const sliders: Record<string, SliderState> = {}
  for (const [name, saved] of Object.entries(value)) {
    const slider = readSlider(saved)
    if (!isVariableName(name) || slider === null) return null
    sliders[name] = slider
  }
  return sliders
}

function readState(data: Record<string, unknown>): PersistedState | null {
  const { expression, wrt, view, theme } = data
  const sliders = readSliders(data.sliders)
  if (
    sliders === null ||
    !isStringWithin(expression, LIMITS.expressionLength) ||
    typeof wrt !== 'string' ||
    !isVariableName(wrt) ||
    !isRecordWithin(view, 3) ||
    !isRange(view.domain) ||
    !(view.yOverride === null || isRange(view.yOverride)) ||
    typeof view.showSecond !== 'boolean' ||
    !isThemePreference(theme)
  ) {
    return null
  }
  const [min, max] = view.domain
  const yOverride = view.yOverride === null ? null : ([...view.yOverride] as [number, number])
  return {
    version: SCHEMA_VERSION,
    expression,
    sliders,
    wrt,
    view: { domain: [min, max], yOverride, showSecond: view.showSecond },
    theme,
  }
}

const isThemePreference = (value: unknown): value is ThemePreference =>
  (THEME_PREFERENCES as readonly unknown[]).includes(value)

/** The session as saved; reading it never throws, whatever the storage holds. */
export const savedSession = definePersisted<PersistedState>({
  key: STORAGE_KEY,
  version: SCHEMA_VERSION,
  subject: 'the saved session',
  plural: 'sessions',
  guard: readState,
  migrations: MIGRATIONS,
})
