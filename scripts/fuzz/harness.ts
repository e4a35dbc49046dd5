import fc from 'fast-check'

/**
 * The fuzz suite's vocabulary: an entry is one door into the app (a function a user or a compromised
 * renderer can reach), fed generated inputs; each input is checked and every failure is counted by class.
 * Inputs are generated in chunks from a seed, so input `i` of entry `X` under seed `N` is always the same
 * input: `npm run fuzz -- --seed N --entry X` replays a run, `--index i` one input.
 */

export const FAILURE_CLASSES = [
  'crash',
  'hang',
  'notResult',
  'spanOutside',
  'badAccepted',
  'dataLost',
] as const
export type FailureClass = (typeof FAILURE_CLASSES)[number]

/** What one check found wrong with one input; `tag` names the property, so the allow-list can name it. */
export interface Finding {
  class: FailureClass
  tag: string
  detail: string
}

/** One door: how its inputs are made, how one is run and checked, and how it is shown in a report. */
export interface Entry<Input, Ready = Input> {
  name: string
  /** What it exercises, one line for the report. */
  covers: string
  arbitrary: () => fc.Arbitrary<Input>
  /**
   * Turns a generated input into what the door receives (a structured clone, a file's bytes), outside
   * the timed part: building a hostile value is the sender's cost, not the receiver's.
   */
  prepare?: (input: Input) => Ready
  /** Runs one input and returns what is wrong with its outcome (empty: nothing). */
  check: (ready: Ready) => Finding[] | Promise<Finding[]>
  /** The tag of a hang on this input, when a known slow kind of input has one (default 'slow'). */
  hangTag?: (input: Input) => string
  /** A short printable form of an input, for a failure report. */
  describe: (input: Input) => string
}

/** An input slower than this is a hang (the bound: 1 s). */
export const HANG_MS = 1000
/** Inputs generated per chunk: chunk k uses its own seed, so any index can be regenerated alone. */
export const CHUNK = 500

export const chunkSeed = (seed: number, chunk: number): number =>
  (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) + Math.imul(chunk + 1, 0xc2b2ae35)) | 0

/** The inputs of chunk `chunk`, always the same for the same seed. */
export function inputsOfChunk<Input>(
  entry: Pick<Entry<Input>, 'arbitrary'>,
  seed: number,
  chunk: number,
): Input[] {
  return fc.sample(entry.arbitrary(), { seed: chunkSeed(seed, chunk), numRuns: CHUNK })
}

export function inputAt<Input>(
  entry: Pick<Entry<Input>, 'arbitrary'>,
  seed: number,
  index: number,
): Input {
  return inputsOfChunk(entry, seed, Math.floor(index / CHUNK))[index % CHUNK] as Input
}

// ——— checks shared by several entries ———

export const finding = (cls: FailureClass, tag: string, detail: string): Finding => ({
  class: cls,
  tag,
  detail,
})

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function isSpan(value: unknown): value is [number, number] {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    Number.isSafeInteger(value[0]) &&
    Number.isSafeInteger(value[1])
  )
}

/** A Diagnostic as core/protocol/diagnostics.ts declares it: code, message, span (and maybe a fix). */
function isDiagnostic(value: unknown): boolean {
  if (!isRecord(value)) return false
  if (typeof value.code !== 'string' || typeof value.message !== 'string') return false
  if (value.message.length === 0 || !isSpan(value.span)) return false
  if (value.fix === undefined) return true
  const fix = value.fix
  return (
    isRecord(fix) &&
    typeof fix.label === 'string' &&
    typeof fix.replacement === 'string' &&
    isSpan(fix.span)
  )
}

/** `{ ok: true, value }` or `{ ok: false, diagnostics: [Diagnostic, …] }` with at least one diagnostic. */
export function resultProblem(value: unknown): string | null {
  if (!isRecord(value)) return `not an object: ${typeof value}`
  if (value.ok === true) return 'value' in value ? null : 'ok without a value'
  if (value.ok !== false) return `ok is ${String(value.ok)}`
  const diagnostics = value.diagnostics
  if (!Array.isArray(diagnostics) || diagnostics.length === 0)
    return 'a failure without diagnostics'
  return diagnostics.every(isDiagnostic) ? null : 'a diagnostic without code, message or span'
}

/** Every span (and fix span) of a failed Result inside [0, length] of the text it is about. */
export function spansOutside(result: unknown, length: number): string | null {
  if (!isRecord(result) || result.ok !== false || !Array.isArray(result.diagnostics)) return null
  for (const item of result.diagnostics as unknown[]) {
    if (!isRecord(item)) continue
    const spans = [item.span, isRecord(item.fix) ? item.fix.span : undefined]
    for (const span of spans) {
      if (!isSpan(span)) continue
      const [start, end] = span
      if (start < 0 || end < start || end > length)
        return `${String(item.code)} at [${start}, ${end}] in ${length} characters`
    }
  }
  return null
}

/** The Result checks every entry that answers a Result makes: its shape, and its spans. */
export function resultFindings(result: unknown, textLength: number, what: string): Finding[] {
  const shape = resultProblem(result)
  if (shape) return [finding('notResult', `${what}-shape`, `${what}: ${shape}`)]
  const outside = spansOutside(result, textLength)
  return outside ? [finding('spanOutside', `${what}-span`, `${what}: ${outside}`)] : []
}

/** A printable, bounded form of any input. */
export function preview(value: unknown, max = 160): string {
  let text: string
  try {
    text =
      typeof value === 'string'
        ? JSON.stringify(value)
        : (JSON.stringify(value, (_key, item: unknown) =>
            item instanceof Uint8Array
              ? `<${item.length} bytes>`
              : typeof item === 'number' && !Number.isFinite(item)
                ? String(item)
                : item,
          ) ?? String(value))
  } catch {
    text = Object.prototype.toString.call(value)
  }
  return text.length > max ? `${text.slice(0, max)}… (${text.length} chars)` : text
}
