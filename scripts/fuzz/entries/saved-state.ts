import fc from 'fast-check'
import { LIMITS } from '../../../core/protocol/limits'
import { expressionText, sliderValue } from '../generators/expressions'
import {
  applyEdits,
  domain,
  editedRequest,
  materialize,
  wrongValue,
  type Edit,
} from '../generators/requests'
import { domainRule, expressionRule } from '../oracles'
import { finding, preview, type Entry, type Finding } from '../harness'

/**
 * Saved state as the renderer reads it back (src-renderer/stores persisted*.ts parse): every stored kind,
 * from a valid record of today's format, edited field by field (core/test-support/hostile shapes among
 * the values), or its text damaged (cut, characters changed, the version changed). An untouched valid
 * record must come back equal; whatever is restored must be valid by the contract.
 */

/**
 * The stores are renderer code, typed against the DOM; this file is typechecked as Node code, so they are
 * loaded by a path the compiler does not follow, and typed here by the one method the suite calls. (None of
 * them touches the DOM when imported: storage is looked up only when a store loads or saves.)
 */
type Loaded =
  | { kind: 'empty' }
  | { kind: 'restored'; value: object }
  | { kind: 'migrated'; value: object; from: number }
  | { kind: 'reset'; reason: string }
interface Persisted {
  parse(raw: string | null): Loaded
}
interface Lab {
  id: string
  steps: { id: string }[]
}
const renderer = (path: string): Promise<unknown> =>
  import(/* @vite-ignore */ new URL(`../../../src-renderer/${path}`, import.meta.url).href)
const { LABS } = (await renderer('lessons/index.ts')) as { LABS: Lab[] }
const { savedActiveLab, savedProgress } = (await renderer('stores/lab-progress-state.ts')) as {
  savedActiveLab: Persisted
  savedProgress: (lab: Lab) => Persisted
}
const { savedSession } = (await renderer('stores/persisted-state.ts')) as {
  savedSession: Persisted
}
const { savedSampling } = (await renderer('stores/saved-sampling.ts')) as {
  savedSampling: Persisted
}

const lab = LABS[0]!
const stepIds = lab.steps.map((step) => step.id)
const validRange = () => domain().filter((range) => domainRule(range) === null)
const finiteValue = sliderValue().map((value) => (value === 0 ? 0 : value))

const sliders = fc
  .uniqueArray(fc.constantFrom(...'abcdfxyzuvwXYZ'), { maxLength: 5 })
  .chain((names) =>
    fc
      .tuple(
        ...names.map(() =>
          fc.tuple(finiteValue, validRange(), fc.double({ min: 1e-6, max: 10, noNaN: true })),
        ),
      )
      .map((values) => {
        const out: Record<string, { value: number; min: number; max: number; step: number }> = {}
        names.forEach((name, i) => {
          const [value, [min, max], step] = values[i]!
          out[name] = { value, min, max, step }
        })
        return out
      }),
  )

type Kind = 'session' | 'sampling' | 'progress' | 'active-lab'
const STORES: Record<Kind, Persisted> = {
  session: savedSession,
  sampling: savedSampling,
  progress: savedProgress(lab),
  'active-lab': savedActiveLab,
}

const expression = expressionText(2).filter((text) => text.length <= LIMITS.expressionLength)
const records: Record<Kind, fc.Arbitrary<Record<string, unknown>>> = {
  session: fc.record({
    version: fc.constant(1),
    expression,
    sliders,
    wrt: fc.constantFrom('x', 'u', 'v'),
    view: fc.record({
      domain: validRange(),
      yOverride: fc.option(validRange()),
      showSecond: fc.boolean(),
    }),
    theme: fc.constantFrom('system', 'light', 'dark'),
  }),
  sampling: fc.record({
    version: fc.constant(1),
    expression,
    domain: validRange(),
    samples: fc.integer({ min: LIMITS.minSamples, max: LIMITS.maxSamples }),
  }),
  progress: fc.record({
    version: fc.constant(1),
    labId: fc.constant(lab.id),
    open: fc.boolean(),
    current: fc.option(fc.constantFrom(...stepIds)),
    completed: fc.uniqueArray(fc.constantFrom(...stepIds)),
    answers: fc.dictionary(
      fc.constantFrom(...stepIds),
      fc.record({
        text: fc.string({ maxLength: 20 }),
        correct: fc.boolean(),
        tries: fc.nat({ max: 50 }),
      }),
      { maxKeys: 4 },
    ),
    solutionsShown: fc.uniqueArray(fc.constantFrom(...stepIds)),
  }),
  'active-lab': fc.record({ version: fc.constant(1), labId: fc.constant(lab.id) }),
}

type TextDamage = { kind: 'cut' | 'replace' | 'insert'; at: number; text: string }
const textDamage: fc.Arbitrary<TextDamage> = fc.record({
  kind: fc.constantFrom('cut', 'replace', 'insert'),
  at: fc.nat(),
  text: fc.constantFrom(
    '"',
    '}',
    ']',
    '{',
    '[',
    ',',
    'null',
    '1e999',
    '-',
    '\\u0000',
    'NaN',
    '"version":2,',
    '"version":0,',
    '"__proto__":{},',
  ),
})

export type SavedStateInput = {
  kind: Kind
  record: Record<string, unknown>
  /** Whether a field one level down was made wrong. */
  nestedEdit: boolean
  edits: Edit[]
  damages: TextDamage[]
}

const inputs: fc.Arbitrary<SavedStateInput> = fc
  .constantFrom<Kind>('session', 'session', 'sampling', 'progress', 'active-lab')
  .chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      edited: editedRequest(
        records[kind],
        Object.keys(
          kind === 'session'
            ? { expression: 0, sliders: 0, wrt: 0, view: 0, theme: 0, version: 0 }
            : {
                version: 0,
                expression: 0,
                domain: 0,
                samples: 0,
                labId: 0,
                answers: 0,
                completed: 0,
              },
        ),
        false,
      ),
      damages: fc.oneof(
        fc.constant<TextDamage[]>([]),
        fc.array(textDamage, { minLength: 1, maxLength: 3 }),
      ),
      nested: fc.option(fc.tuple(fc.constantFrom('view', 'sliders', 'answers'), wrongValue()), {
        freq: 5,
      }),
    }),
  )
  .map(({ kind, edited, damages, nested }) => {
    const record = { ...edited.base }
    // One level down as well: a view, a slider set or an answer set with a wrong field.
    const inner = nested ? record[nested[0]] : null
    const nestedEdit = nested !== null && typeof inner === 'object' && inner !== null
    if (nestedEdit) record[nested[0]] = { ...inner, domain: nested[1] }
    return { kind, record, nestedEdit, edits: edited.edits, damages }
  })

function textOf(input: SavedStateInput): string {
  let text: string
  try {
    text =
      JSON.stringify(applyEdits(input.record, input.edits), (_key, value: unknown) =>
        materialize(value),
      ) ?? 'undefined'
  } catch {
    text = '{"version":1}'
  }
  for (const { kind, at, text: piece } of input.damages) {
    const i = at % (text.length + 1)
    if (kind === 'cut') text = text.slice(0, i)
    else if (kind === 'insert') text = text.slice(0, i) + piece + text.slice(i)
    else text = text.slice(0, i) + piece + text.slice(i + piece.length)
  }
  return text
}

/** Finite min < max (the width is checked apart: see widthRule). */
const isRange = (value: unknown) => {
  const broken = domainRule(value)
  return broken === null || broken.tag === 'domain-width-not-finite'
}

/** What a restored value must be, from the contract (DESIGN.md §5, the stores' types). */
function restoredRule(kind: Kind, value: Record<string, unknown>): string | null {
  if (kind === 'session') {
    const view = value.view as Record<string, unknown>
    return (
      expressionRule(value.expression) ??
      (slidersOf(value).every(
        (s) => Number.isFinite(s.value) && isRange([s.min, s.max]) && (s.step ?? 0) > 0,
      )
        ? null
        : 'a bad slider') ??
      (isRange(view.domain) ? null : 'a bad domain') ??
      (view.yOverride === null || isRange(view.yOverride) ? null : 'a bad y-range')
    )
  }
  if (kind === 'sampling')
    return expressionRule(value.expression) ?? (isRange(value.domain) ? null : 'a bad domain')
  if (kind === 'progress') {
    const ids = [
      ...(value.completed as string[]),
      ...(value.solutionsShown as string[]),
      ...Object.keys(value.answers as object),
    ]
    return ids.every((id) => stepIds.includes(id)) ? null : 'an unknown step'
  }
  // Any short id: the lab store then looks it up among the labs it ships (src-renderer/stores/lab.ts).
  return typeof value.labId === 'string' && value.labId.length <= LIMITS.labProgress.stepIdLength
    ? null
    : 'a bad lab id'
}

const slidersOf = (value: Record<string, unknown>) =>
  Object.values(value.sliders as Record<string, Record<string, number>>)

/** A restored range whose width overflows (issue 14: such a domain is then dropped without a word). */
function widthRule(kind: Kind, value: Record<string, unknown>): string | null {
  const view = value.view as Record<string, unknown> | undefined
  const ranges =
    kind === 'session'
      ? [view?.domain, view?.yOverride, ...slidersOf(value).map((s) => [s.min, s.max])]
      : kind === 'sampling'
        ? [value.domain]
        : []
  const wide = ranges.find((range) => range && domainRule(range)?.tag === 'domain-width-not-finite')
  return wide ? `a range of infinite width ${preview(wide)}` : null
}

/** The record without its version (some stores keep it in the value, some do not), keys in order. */
function canonical(value: object): string {
  const fields: Record<string, unknown> = { ...value }
  delete fields.version
  return JSON.stringify(fields, Object.keys(fields).sort())
}

export const savedState: Entry<SavedStateInput, { input: SavedStateInput; text: string }> = {
  name: 'saved-state',
  covers: 'renderer saved state: session, sample counts, lab progress, active lab (parse)',
  arbitrary: () => inputs,
  prepare: (input) => ({ input, text: textOf(input) }),
  check({ input, text }) {
    const loaded: Loaded = STORES[input.kind].parse(text)
    const findings: Finding[] = []
    if (!['empty', 'restored', 'migrated', 'reset'].includes(loaded.kind))
      return [finding('notResult', 'loaded-kind', `parse answered kind ${String(loaded.kind)}`)]
    if (loaded.kind === 'reset') {
      if (typeof loaded.reason !== 'string' || loaded.reason === '')
        findings.push(finding('notResult', 'reset-reason', 'a reset without a reason'))
    } else if (loaded.kind !== 'empty') {
      let broken: string | null
      let wide: string | null = null
      try {
        broken = restoredRule(input.kind, loaded.value as Record<string, unknown>)
        wide = widthRule(input.kind, loaded.value as Record<string, unknown>)
      } catch {
        broken = 'an unreadable value'
      }
      if (broken) findings.push(finding('badAccepted', 'restored-value', `restored ${broken}`))
      if (wide) findings.push(finding('badAccepted', 'domain-width-not-finite', `restored ${wide}`))
    }
    const untouched = input.edits.length === 0 && input.damages.length === 0 && !input.nestedEdit
    if (untouched) {
      const same =
        loaded.kind === 'restored' &&
        canonical(loaded.value) === canonical(JSON.parse(text) as object)
      if (!same)
        findings.push(
          finding(
            'dataLost',
            'state-round-trip',
            `a valid ${input.kind} came back as ${loaded.kind}`,
          ),
        )
    }
    return findings
  },
  describe: (input) => `${input.kind} ${preview(textOf(input), 300)}`,
}
