import fc from 'fast-check'
import { HOSTILE_KINDS, hostile, type HostileKind } from '../../../core/test-support/hostile'
import { expressionText, sliderValue } from './expressions'

/**
 * Requests as a compromised renderer (or a damaged port) can send them: valid ones, then the same with one
 * or more fields replaced, removed, added or made hostile — so the validator is met field by field, and
 * what it lets through reaches the core.
 */

/** Numbers a JSON or structured-clone payload can carry, the non-finite ones included. */
export const anyNumber = (): fc.Arbitrary<number> =>
  fc.oneof(
    sliderValue(),
    fc.constantFrom(NaN, Infinity, -Infinity, -0, 1e308, -1e308, 2 ** 53 + 1, 0.5, 1e-7),
  )

/**
 * A hostile shape (core/test-support/hostile.ts) by name: fast-check inspects what it generates, and a
 * Proxy that throws on every trap would throw there, so the value is built only when the input is run.
 */
export class HostileRef {
  constructor(readonly kind: HostileKind) {}
}

export const materialize = (value: unknown): unknown =>
  value instanceof HostileRef ? hostile(value.kind, { x: 1 }) : value

/** Values of the wrong kind for any field: each JSON and clone type, and the hostile shapes. */
export const wrongValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.oneof(
        fc.constant(null),
        fc.constant(undefined),
        fc.boolean(),
        anyNumber(),
        fc.string({ maxLength: 8 }),
      ),
    },
    {
      weight: 3,
      arbitrary: fc.oneof(
        fc.array(anyNumber(), { maxLength: 4 }),
        fc.dictionary(fc.string({ maxLength: 3 }), anyNumber(), { maxKeys: 4 }),
      ),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        new Uint8Array(3),
        new Float64Array(2),
        new Date(0),
        new Map(),
        /x/,
      ),
    },
    { weight: 1, arbitrary: fc.constantFrom(...CHEAP_HOSTILE).map((kind) => new HostileRef(kind)) },
  )

/**
 * The hostile shapes that cost little to build and send. The megabyte ones come rarely (wrongOrHuge): a
 * structured clone of ten million items costs its sender seconds, and the guards' own tests meet each.
 */
const BIG_HOSTILE: readonly HostileKind[] = [
  'a million keys',
  'a million unknown fields beside valid ones',
  'nesting 100000 levels deep',
  'arrays nested 100000 levels deep',
  'ten million array items',
  'a ten-million-character string',
  'a ten-million-character key',
]
const CHEAP_HOSTILE = HOSTILE_KINDS.filter((kind) => !BIG_HOSTILE.includes(kind))

/** A wrong value, and one time in `oneIn` a huge hostile one. */
export const wrongOrHuge = (oneIn: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { weight: oneIn - 1, arbitrary: wrongValue() },
    { weight: 1, arbitrary: fc.constantFrom(...BIG_HOSTILE).map((kind) => new HostileRef(kind)) },
  )

const variable = fc.constantFrom('x', 'u', 'v', 'y', 'e', 'xx', '', 'X', 'é', '__proto__')

/** A domain [min, max], near the width limits and past them, with the overflowing one the issue names. */
export const domain = (): fc.Arbitrary<[number, number]> =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc.constantFrom<[number, number]>(
        [-5, 5],
        [0, 1],
        [-1e-7, 1e-7],
        [1e5, 1e5 + 1e-6],
        [-5e5, 5e5],
      ),
    },
    { weight: 2, arbitrary: fc.tuple(anyNumber(), anyNumber()) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<[number, number]>(
        [-1e308, 1e308],
        [-Number.MAX_VALUE, Number.MAX_VALUE],
        [5, 5],
        [5, -5],
        [0, 5e-324],
      ),
    },
  )

export interface RequestShape {
  expression: string
  point: Record<string, number>
  wrt: string
  domain: [number, number]
  samples: number
  secondDerivative?: boolean
}

/** A request whose every field is of the right type (its values may still be out of range). */
export const evaluateRequest = (): fc.Arbitrary<RequestShape> =>
  fc.record(
    {
      expression: expressionText(1),
      point: fc.dictionary(variable, anyNumber(), { minKeys: 0, maxKeys: 4 }),
      wrt: variable,
      domain: domain(),
      samples: fc.oneof(
        { weight: 400, arbitrary: fc.integer({ min: 2, max: 40 }) },
        { weight: 40, arbitrary: fc.constantFrom(0, 1, -1, 2.5, NaN, 200_001, 2 ** 53) },
        // The most samples cost up to 100 ms each: rare, or the entry's 100,000 inputs take too long.
        { weight: 1, arbitrary: fc.constantFrom(200_000, 10_000) },
      ),
      secondDerivative: fc.boolean(),
    },
    { requiredKeys: ['expression', 'point', 'wrt', 'domain', 'samples'] },
  )

/** One edit of a request: a field replaced by a wrong value, removed, or an unknown field added. */
export type Edit = { kind: 'replace' | 'remove' | 'add'; field: string; value: unknown }

const edit = (fields: readonly string[], huge: boolean): fc.Arbitrary<Edit> =>
  fc.record({
    kind: fc.constantFrom<Edit['kind']>('replace', 'replace', 'remove', 'add'),
    field: fc.oneof(
      fc.constantFrom(...fields),
      fc.constantFrom('extra', 'constructor', '__proto__'),
    ),
    value: huge ? wrongOrHuge(50_000) : wrongValue(),
  })

export function applyEdits(base: object, edits: readonly Edit[]): unknown {
  const copy: Record<string, unknown> = { ...base }
  for (const { kind, field, value } of edits) {
    if (kind === 'remove') delete copy[field]
    else
      Object.defineProperty(copy, field, {
        value: materialize(value),
        enumerable: true,
        writable: true,
        configurable: true,
      })
  }
  return copy
}

/**
 * A request with 0–3 edits: half stay as generated, the rest are damaged. `huge`: the megabyte hostile
 * shapes may appear (not where the request is serialized first: a 20 MB JSON text costs its sender seconds
 * and only tests a length check, which the entries test directly).
 */
export const editedRequest = <T extends object>(
  base: fc.Arbitrary<T>,
  fields: readonly string[],
  huge = true,
): fc.Arbitrary<{ base: T; edits: Edit[] }> =>
  fc.record({
    base,
    edits: fc.oneof(
      fc.constant<Edit[]>([]),
      fc.array(edit(fields, huge), { minLength: 1, maxLength: 3 }),
    ),
  })
