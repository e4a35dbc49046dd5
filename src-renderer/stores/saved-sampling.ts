import { isRange } from '../../core/protocol/guards'
import { LIMITS } from '../../core/protocol/limits'
import { isStringWithin } from './bounded'
import { definePersisted } from './persisted'

/**
 * A lab step's fixed sample count, saved with the function and range it belongs to (the session saves
 * the function, sliders and view; this comes back only if they came back too).
 */
export const SAMPLING_KEY = 'calculus-lab:fixed-sampling'

export interface SavedSampling {
  expression: string
  domain: [number, number]
  samples: number
}

const isSampleCount = (value: unknown): value is number =>
  typeof value === 'number' &&
  Number.isSafeInteger(value) &&
  value >= LIMITS.minSamples &&
  value <= LIMITS.maxSamples

function readSampling(data: Record<string, unknown>): SavedSampling | null {
  const { expression, domain, samples } = data
  if (!isStringWithin(expression, LIMITS.expressionLength) || !isRange(domain)) return null
  return isSampleCount(samples) ? { expression, domain: [domain[0], domain[1]], samples } : null
}

export const savedSampling = definePersisted<SavedSampling>({
  key: SAMPLING_KEY,
  version: 1,
  subject: 'the saved sample count',
  plural: 'sample counts',
  guard: readSampling,
  // Version 0, the first build's, had the same fields and no version.
  migrations: { 0: ({ expression, domain, samples }) => ({ expression, domain, samples }) },
})
