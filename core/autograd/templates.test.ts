/**
 * The scalar templates must say exactly what the tensor rules say: for every elementwise op, the
 * generated expressions, run with `new Function`, give the same numbers as the tensor forward and the
 * tensor backward (incoming gradient 1), bit for bit (Object.is: NaN equals NaN, +0 differs from −0),
 * at ordinary and awkward points alike.
 */
import { describe, expect, it } from 'vitest'
import {
  apply,
  ELEMENTWISE_OPS,
  grad,
  noGrad,
  RULES,
  SCALAR_LIBRARY,
  tensor,
  type ElementwiseOpName,
} from './index'

const NAMES = ['a', 'b', 'c']

const AWKWARD = [
  -Infinity,
  -800,
  -2,
  -1,
  -0.5,
  -0,
  0,
  1e-300,
  0.5,
  1,
  2,
  20,
  20.5,
  800,
  Infinity,
  NaN,
]
const PAIRS_AND_TRIPLES = [-Infinity, -2, -1, -0, 0, 0.5, 1, 2, 3, Infinity, NaN]

function pointsFor(arity: number): number[][] {
  if (arity === 1) return AWKWARD.map((x) => [x])
  let points: number[][] = [[]]
  for (let k = 0; k < arity; k++) {
    points = points.flatMap((point) => PAIRS_AND_TRIPLES.map((x) => [...point, x]))
  }
  return points
}

type Compiled = (...args: number[]) => number

/** Incoming gradients for the VJP templates, including the ones a product form would turn into NaN. */
const INCOMING = [1, -2.5, 0, -0, Infinity, NaN]

function compile(op: ElementwiseOpName): {
  value: Compiled
  partials: Compiled[]
  vjps: Compiled[]
} {
  const { arity, scalar } = RULES[op]
  const names = NAMES.slice(0, arity)
  // The templates are our own table's strings: compiling them here is the point of the test.
  // The generated loop sees the scalar library as `lib` (erf has no Math built-in); so do these.
  const withLibrary = (params: string[], body: string): Compiled =>
    (new Function('lib', `return (${params.join(', ')}) => ${body}`) as (lib: unknown) => Compiled)(
      SCALAR_LIBRARY,
    )
  const value = withLibrary(names, scalar.value(names))
  const partials = scalar.partials.map((partial) =>
    withLibrary([...names, 'out'], partial(names, 'out')),
  )
  const vjps = scalar.vjps.map((vjp) => withLibrary([...names, 'out', 'g'], vjp(names, 'out', 'g')))
  return { value, partials, vjps }
}

describe.each(ELEMENTWISE_OPS)('%s scalar templates', (op) => {
  const rule = RULES[op]
  const compiled = compile(op)
  const points = pointsFor(rule.arity)

  it('has one partial and one VJP per input', () => {
    expect(rule.scalar.partials).toHaveLength(rule.arity)
    expect(rule.scalar.vjps).toHaveLength(rule.arity)
    expect(rule.backward).toHaveLength(rule.arity)
  })

  it('computes the same values as the tensor forward kernel', () => {
    const mismatches = points.filter((args) => {
      const tensorValue = noGrad(() => apply(op, ...args)).item()
      return !Object.is(compiled.value(...args), tensorValue)
    })
    expect(mismatches).toEqual([])
  })

  it('computes the same partials as the tensor backward rules', () => {
    const mismatches: string[] = []
    for (const args of points) {
      const inputs = args.map((x) => tensor(x, { requiresGrad: true }))
      const output = apply(op, ...inputs)
      const gradients = grad(output, inputs, { allowUnused: true })
      gradients.forEach((gradient, i) => {
        const fromTemplate = compiled.partials[i]!(...args, output.item())
        const fromTensor = gradient === null ? 0 : gradient.item()
        if (!Object.is(fromTemplate, fromTensor)) {
          mismatches.push(
            `∂/∂${NAMES[i]} at ${JSON.stringify(args.map(String))}: ${fromTemplate} vs ${fromTensor}`,
          )
        }
      })
    }
    expect(mismatches).toEqual([])
  })

  it('computes the same gradient shares as the tensor backward for any incoming gradient', () => {
    const mismatches: string[] = []
    for (const args of points) {
      for (const incoming of INCOMING) {
        const inputs = args.map((x) => tensor(x, { requiresGrad: true }))
        const output = apply(op, ...inputs)
        const seed = tensor(incoming)
        const gradients = grad(output, inputs, { gradOutput: seed, allowUnused: true })
        gradients.forEach((gradient, i) => {
          const fromTemplate = compiled.vjps[i]!(...args, output.item(), incoming)
          const fromTensor = gradient === null ? 0 : gradient.item()
          if (!Object.is(fromTemplate, fromTensor)) {
            mismatches.push(
              `${NAMES[i]} at ${args.map(String)}, grad ${incoming}: ${fromTemplate} vs ${fromTensor}`,
            )
          }
        })
      }
    }
    expect(mismatches).toEqual([])
  })
})

describe('template shape', () => {
  it('uses only Math, the scalar library, arithmetic, comparisons and conditionals on its names', () => {
    for (const op of ELEMENTWISE_OPS) {
      const { arity, scalar } = RULES[op]
      const names = ['x0', 'x1', 'x2'].slice(0, arity)
      const texts = [
        scalar.value(names),
        ...scalar.partials.map((partial) => partial(names, 'y')),
        ...scalar.vjps.map((vjp) => vjp(names, 'y', 'dy')),
      ]
      for (const text of texts) {
        const identifiers = text.match(/[A-Za-z_$][\w$]*/g) ?? []
        const allowed = new Set([...names, 'y', 'dy', 'Math', 'lib', 'Infinity', 'NaN'])
        const foreign = identifiers.filter(
          (id, k) =>
            !allowed.has(id) &&
            identifiers[k - 1] !== 'Math' &&
            !(identifiers[k - 1] === 'lib' && id in SCALAR_LIBRARY),
        )
        expect(foreign).toEqual([])
      }
    }
  })

  it('marks the non-differentiable condition of where with a zero partial', () => {
    expect(RULES.where.scalar.partials[0]!(['c', 'a', 'b'], 'out')).toBe('0')
    expect(RULES.where.scalar.vjps[0]!(['c', 'a', 'b'], 'out', 'g')).toBe('0')
    expect(RULES.where.backward[0]).toBeNull()
  })

  it('rejects too few arguments instead of printing "undefined" into code', () => {
    expect(() => RULES.mul.scalar.value(['a'])).toThrow('scalar template needs input 1')
  })
})
