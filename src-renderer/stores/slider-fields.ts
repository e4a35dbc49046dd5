/**
 * What a learner types into a slider's number fields, read strictly: a number with a decimal point or a
 * decimal comma (`2,5` is 2.5, as half the world writes it, never 25), a true minus sign, and nothing
 * else. Every refusal is a sentence for an inline message; nothing is applied silently.
 */

export type FieldReading = { ok: true; value: number } | { ok: false; message: string }

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i

export function readDecimal(text: string): FieldReading {
  const trimmed = text.trim().replace(/\u2212/g, '-')
  if (trimmed === '') return { ok: false, message: 'Type a number.' }
  const commas = trimmed.split(',').length - 1
  if (commas > 1 || (commas === 1 && trimmed.includes('.'))) {
    return {
      ok: false,
      message: `'${text.trim()}' is not a number: use one decimal point or comma (2.5 or 2,5).`,
    }
  }
  const normalised = trimmed.replace(',', '.')
  if (!NUMBER.test(normalised)) return { ok: false, message: `'${text.trim()}' is not a number.` }
  const value = Number(normalised)
  if (!Number.isFinite(value)) return { ok: false, message: `'${text.trim()}' is too large.` }
  return { ok: true, value }
}

/** Why a slider cannot have this range and step, or null if it can. */
export function rangeProblem(min: number, max: number, step: number): string | null {
  if (!(min < max)) return `The minimum ${min} must be below the maximum ${max}.`
  if (!(step > 0)) return `The step must be above 0, not ${step}.`
  if (step > max - min) return `The step ${step} is larger than the range ${min} to ${max}.`
  return null
}
