import { LIMITS } from '../../core/protocol/limits'

/**
 * Independent statements of what a valid input is, written from the contract (core/protocol/api.ts,
 * DESIGN.md §4) rather than from the validators, so a validator that lets something through is caught.
 * Each returns the first rule broken, or null.
 */

const VARIABLE = /^[A-Za-df-z]$/
const finite = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)

function plainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

function onlyFields(value: Record<string, unknown>, allowed: readonly string[]): string | null {
  const extra = Object.keys(value).find((key) => !allowed.includes(key))
  return extra === undefined ? null : `unknown field '${extra.slice(0, 20)}'`
}

export function expressionRule(value: unknown): string | null {
  if (typeof value !== 'string') return 'expression is not a string'
  return value.length > LIMITS.expressionLength ? 'expression too long' : null
}

export function pointRule(value: unknown): string | null {
  if (!plainObject(value)) return 'point is not an object'
  const entries = Object.entries(value)
  if (entries.length > LIMITS.maxVariables) return 'too many variables'
  for (const [name, number] of entries) {
    if (!VARIABLE.test(name)) return `point has '${name.slice(0, 20)}'`
    if (!finite(number)) return `point.${name} is not finite`
  }
  return null
}

/** [min, max], finite, min < max — and a finite width, or linspace overflows (issue 14). */
export function domainRule(value: unknown): { rule: string; tag: string } | null {
  if (!Array.isArray(value) || value.length !== 2)
    return { rule: 'domain is not a pair', tag: 'domain' }
  const [min, max] = value as unknown[]
  if (!finite(min) || !finite(max)) return { rule: 'domain is not finite', tag: 'domain' }
  if (!(min < max)) return { rule: 'domain is not min < max', tag: 'domain' }
  if (!Number.isFinite(max - min))
    return { rule: 'domain width overflows', tag: 'domain-width-not-finite' }
  return null
}

export function samplesRule(value: unknown): string | null {
  return Number.isSafeInteger(value) &&
    (value as number) >= LIMITS.minSamples &&
    (value as number) <= LIMITS.maxSamples
    ? null
    : 'samples out of range'
}

/** Why an evaluate request breaks the contract (tag: how the allow-list may name it), or null. */
export function evaluateRequestRule(value: unknown): { rule: string; tag: string } | null {
  if (!plainObject(value)) return { rule: 'request is not an object', tag: 'request' }
  const fields = ['expression', 'point', 'wrt', 'domain', 'samples', 'secondDerivative']
  const simple =
    onlyFields(value, fields) ??
    expressionRule(value.expression) ??
    pointRule(value.point) ??
    (typeof value.wrt === 'string' && VARIABLE.test(value.wrt) ? null : 'wrt is not a variable') ??
    samplesRule(value.samples) ??
    (value.secondDerivative === undefined || typeof value.secondDerivative === 'boolean'
      ? null
      : 'secondDerivative is not a boolean')
  if (simple) return { rule: simple, tag: 'request' }
  return domainRule(value.domain)
}

/** Why a graph request breaks the contract, or null (its slice is the evaluate's wrt, domain, samples). */
export function graphRequestRule(value: unknown): string | null {
  if (!plainObject(value)) return 'request is not an object'
  const simple =
    onlyFields(value, ['expression', 'point', 'slice']) ??
    expressionRule(value.expression) ??
    pointRule(value.point)
  if (simple || value.slice === undefined) return simple
  const slice = value.slice
  if (!plainObject(slice)) return 'slice is not an object'
  if (typeof slice.wrt !== 'string' || !VARIABLE.test(slice.wrt))
    return 'slice.wrt is not a variable'
  const samples = slice.samples
  if (!Number.isSafeInteger(samples) || (samples as number) > LIMITS.maxGraphSamples)
    return 'slice.samples out of range'
  return (
    onlyFields(slice, ['wrt', 'domain', 'samples']) ??
    samplesRule(samples) ??
    domainRule(slice.domain)?.rule ??
    null
  )
}

export function analyzeRequestRule(value: unknown): string | null {
  if (!plainObject(value)) return 'request is not an object'
  return onlyFields(value, ['expression']) ?? expressionRule(value.expression)
}
