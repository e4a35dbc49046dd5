/**
 * Every rule in the table, checked three ways (after tinygrad's test_gradient.py): the first derivative
 * against central finite differences at smooth points, the values PyTorch gives at the awkward points
 * as a hard-coded oracle (NaN matching NaN), and the second derivative — the backward pass recorded with
 * createGraph and differentiated again — against finite differences of the first.
 */
import { describe, expect, it } from 'vitest'
import {
  apply,
  ELEMENTWISE_OPS,
  expand,
  grad,
  mean,
  noGrad,
  RULES,
  sum,
  sumTo,
  tensor,
  type ElementwiseOpName,
  type Tensor,
} from './index'

function valueAt(op: ElementwiseOpName, args: readonly number[]): number {
  return noGrad(() => apply(op, ...args)).item()
}

/** ∂op/∂input_i at `args` from the engine (null where the op has no derivative in that input). */
function partialsAt(op: ElementwiseOpName, args: readonly number[]): (number | null)[] {
  const inputs = args.map((value) => tensor(value, { requiresGrad: true }))
  const gradients = grad(apply(op, ...inputs), inputs, { allowUnused: true })
  return gradients.map((gradient) => gradient?.item() ?? null)
}

/** The second derivatives ∂²op/∂input_i∂input_j, by differentiating the recorded backward pass. */
function hessianAt(op: ElementwiseOpName, args: readonly number[]): number[][] {
  const inputs = args.map((value) => tensor(value, { requiresGrad: true }))
  const first = grad(apply(op, ...inputs), inputs, { createGraph: true, allowUnused: true })
  return first.map((gradient) => {
    // A first derivative that does not depend on any input (d/dx 2x = 2) has a zero second derivative.
    if (gradient === null || !gradient.requiresGrad) return args.map(() => 0)
    return grad(gradient, inputs, { allowUnused: true }).map((second) => second?.item() ?? 0)
  })
}

function step(x: number, scale: number): number {
  return scale * Math.max(1, Math.abs(x))
}

function centralDifference(
  f: (args: number[]) => number,
  args: readonly number[],
  i: number,
  h: number,
): number {
  const plus = [...args]
  const minus = [...args]
  plus[i] = args[i]! + h
  minus[i] = args[i]! - h
  return (f(plus) - f(minus)) / (2 * h)
}

function expectClose(actual: number | null, expected: number, relative: number): void {
  expect(actual).not.toBeNull()
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(
    relative * Math.max(1, Math.abs(expected)),
  )
}

/** PyTorch's oracle values: NaN matches NaN, infinities exactly, finite values to 1e-12. */
function expectSameAsPyTorch(actual: number | null, expected: number | null): void {
  if (expected === null || actual === null) return expect(actual).toBe(expected)
  if (Number.isNaN(expected) || !Number.isFinite(expected)) return expect(actual).toBe(expected)
  expectClose(actual, expected, 1e-12)
}

const UNARY_DOMAIN = [-2.1, -0.7, 0.3, 1.4, 2.9]
const POSITIVE = [0.2, 0.9, 1.7, 3.3]
const INSIDE_UNIT = [-0.8, -0.3, 0.1, 0.6]

/** Smooth points per op, away from kinks and ties, where finite differences are meaningful. */
const SMOOTH_POINTS: Record<ElementwiseOpName, readonly (readonly number[])[]> = {
  add: [
    [1.5, -2],
    [0.3, 4],
  ],
  sub: [
    [1.5, -2],
    [-0.3, 4],
  ],
  mul: [
    [1.5, -2],
    [0.3, 4],
    [-2.5, 0.7],
  ],
  div: [
    [1.5, -2],
    [0.3, 4],
    [-2.5, 0.7],
  ],
  pow: [
    [1.5, 2],
    [2, 0.5],
    [0.7, -1.3],
    [3, 3],
  ],
  powScalar: [
    [1.5, 2],
    [-1.5, 3],
    [2, 0.5],
    [2, -0.5],
    [0.7, -1],
    [-0.7, -2],
    [0.7, -1.3],
    [3, 1],
    [3, 0],
  ],
  minimum: [
    [1, 2],
    [3, -1],
    [-0.5, -0.25],
  ],
  maximum: [
    [1, 2],
    [3, -1],
    [-0.5, -0.25],
  ],
  clamp: [
    [0.5, 0, 1],
    [-1, 0, 1],
    [2, 0, 1],
    [0.2, -1, 3],
    [0.5, 2, 1],
  ],
  where: [
    [1, 2, 3],
    [0, 2, 3],
  ],
  neg: UNARY_DOMAIN.map((x) => [x]),
  exp: UNARY_DOMAIN.map((x) => [x]),
  log: POSITIVE.map((x) => [x]),
  log2: POSITIVE.map((x) => [x]),
  log10: POSITIVE.map((x) => [x]),
  sqrt: POSITIVE.map((x) => [x]),
  abs: UNARY_DOMAIN.map((x) => [x]),
  sin: UNARY_DOMAIN.map((x) => [x]),
  cos: UNARY_DOMAIN.map((x) => [x]),
  tan: [[-1.1], [-0.4], [0.2], [1.2]],
  asin: INSIDE_UNIT.map((x) => [x]),
  acos: INSIDE_UNIT.map((x) => [x]),
  atan: UNARY_DOMAIN.map((x) => [x]),
  sinh: UNARY_DOMAIN.map((x) => [x]),
  cosh: UNARY_DOMAIN.map((x) => [x]),
  tanh: UNARY_DOMAIN.map((x) => [x]),
  relu: UNARY_DOMAIN.map((x) => [x]),
  sigmoid: UNARY_DOMAIN.map((x) => [x]),
  softplus: [[-5], [0], [3], [19], [25]],
}

/** Inputs of an op that have no derivative at all (finite differences of them are meaningless). */
const NOT_DIFFERENTIABLE: Partial<Record<ElementwiseOpName, readonly number[]>> = {
  where: [0],
  powScalar: [1],
}

interface OracleRow {
  op: ElementwiseOpName
  args: readonly number[]
  value: number
  /** ∂/∂input_i as PyTorch reports it; null for an input with no derivative. */
  partials: readonly (number | null)[]
  why: string
}

const LN2 = Math.LN2
const E20 = Math.exp(20)

/** What PyTorch (float64) gives where the math is undefined or delicate. */
const PYTORCH_AT_AWKWARD_POINTS: readonly OracleRow[] = [
  {
    op: 'relu',
    args: [0],
    value: 0,
    partials: [0],
    why: "relu'(0) = 0: threshold_backward passes grad only where result > 0",
  },
  {
    op: 'relu',
    args: [NaN],
    value: NaN,
    partials: [1],
    why: 'threshold_backward zeroes only where result <= 0, and NaN <= 0 is false',
  },
  { op: 'abs', args: [0], value: 0, partials: [0], why: "abs'(0) = sgn(0) = 0" },
  { op: 'sqrt', args: [0], value: 0, partials: [Infinity], why: "sqrt'(0) = 1/(2·0) = +inf" },
  {
    op: 'sqrt',
    args: [-1],
    value: NaN,
    partials: [NaN],
    why: 'sqrt of a negative is NaN, and so is its slope',
  },
  {
    op: 'pow',
    args: [0, 0],
    value: 1,
    partials: [0, 0],
    why: 'd/dx x^0 = 0 even at 0; the exponent mask covers base 0, exponent >= 0',
  },
  {
    op: 'pow',
    args: [3, 0],
    value: 1,
    partials: [0, Math.log(3)],
    why: 'd/dx x^0 = 0 everywhere; d/db 3^b = 3^b ln 3',
  },
  {
    op: 'pow',
    args: [-2, 0],
    value: 1,
    partials: [0, NaN],
    why: 'd/db (−2)^b = (−2)^b ln(−2) = NaN',
  },
  {
    op: 'pow',
    args: [0, 0.5],
    value: 0,
    partials: [Infinity, 0],
    why: 'x^0.5 at 0 has slope +inf; exponent gradient masked',
  },
  {
    op: 'pow',
    args: [0, 2],
    value: 0,
    partials: [0, 0],
    why: 'exponent gradient 0·ln 0 is masked to 0 (base 0, exponent >= 0)',
  },
  { op: 'pow', args: [0, 1], value: 0, partials: [1, 0], why: '1·0^0 = 1' },
  {
    op: 'pow',
    args: [0, -1],
    value: Infinity,
    partials: [-Infinity, -Infinity],
    why: 'no mask for a negative exponent: inf·ln 0 = −inf',
  },
  {
    op: 'pow',
    args: [-8, 1 / 3],
    value: NaN,
    partials: [NaN, NaN],
    why: 'a negative base to a fractional power is NaN',
  },
  {
    op: 'pow',
    args: [-1.5, 3],
    value: -3.375,
    partials: [6.75, NaN],
    why: 'a negative base is fine for the base slope 3x², but ln of it makes the exponent slope NaN',
  },
  {
    op: 'pow',
    args: [1, NaN],
    value: 1,
    partials: [NaN, 0],
    why: "C's pow(1, NaN) = 1, unlike JavaScript's Math.pow",
  },
  {
    op: 'powScalar',
    args: [0, 0],
    value: 1,
    partials: [0, null],
    why: 'x ** 0 is a fill with 1 and its slope is zeros_like, even at 0',
  },
  {
    op: 'powScalar',
    args: [NaN, 0],
    value: 1,
    partials: [0, null],
    why: 'the fill and the zero slope ignore the base entirely',
  },
  {
    op: 'powScalar',
    args: [0, 0.5],
    value: 0,
    partials: [Infinity, null],
    why: "x ** 0.5 is sqrt: sqrt'(0) = 0.5·0^−0.5 = +inf",
  },
  {
    op: 'powScalar',
    args: [-Infinity, 0.5],
    value: NaN,
    partials: [NaN, null],
    why: 'x ** 0.5 runs sqrt, and sqrt(−inf) is NaN where C pow(−inf, 0.5) is +inf',
  },
  {
    op: 'powScalar',
    args: [0, -1],
    value: Infinity,
    partials: [-Infinity, null],
    why: 'x ** −1 is reciprocal; its slope −1·x^−2 = −1/(0·0) = −inf',
  },
  {
    op: 'powScalar',
    args: [0.1, 2],
    value: 0.1 * 0.1,
    partials: [0.2, null],
    why: 'x ** 2 is exactly x·x (0.010000000000000002), not pow(0.1, 2)',
  },
  {
    op: 'log',
    args: [-1],
    value: NaN,
    partials: [-1],
    why: 'log(−1) is NaN; its rule 1/x still gives −1',
  },
  {
    op: 'log',
    args: [0],
    value: -Infinity,
    partials: [Infinity],
    why: 'log(0) = −inf, 1/0 = +inf',
  },
  { op: 'log2', args: [0], value: -Infinity, partials: [Infinity], why: '1/(0·ln 2) = +inf' },
  { op: 'log10', args: [-1], value: NaN, partials: [-1 / Math.LN10], why: 'grad / (self · ln 10)' },
  {
    op: 'maximum',
    args: [1, 1],
    value: 1,
    partials: [0.5, 0.5],
    why: 'a tie sends half the gradient to each side',
  },
  {
    op: 'minimum',
    args: [2, 2],
    value: 2,
    partials: [0.5, 0.5],
    why: 'a tie sends half the gradient to each side',
  },
  {
    op: 'maximum',
    args: [NaN, 1],
    value: NaN,
    partials: [1, 1],
    why: 'with NaN neither == nor < holds, so both sides keep the gradient',
  },
  {
    op: 'clamp',
    args: [0, 0, 1],
    value: 0,
    partials: [1, 0, 0],
    why: 'at the lower bound x keeps the subgradient 1',
  },
  {
    op: 'clamp',
    args: [1, 0, 1],
    value: 1,
    partials: [1, 0, 0],
    why: 'at the upper bound x keeps the subgradient 1',
  },
  {
    op: 'clamp',
    args: [-1, 0, 1],
    value: 0,
    partials: [0, 1, 0],
    why: 'below the range the gradient goes to lo',
  },
  {
    op: 'clamp',
    args: [3, 0, 1],
    value: 1,
    partials: [0, 0, 1],
    why: 'above the range the gradient goes to hi',
  },
  {
    op: 'clamp',
    args: [0.5, 2, 1],
    value: 1,
    partials: [0, 0, 1],
    why: 'lo > hi gives hi, and hi takes the gradient',
  },
  {
    op: 'clamp',
    args: [5, 2, 1],
    value: 1,
    partials: [0, 0, 1],
    why: 'lo > hi gives hi whatever x is',
  },
  {
    op: 'softplus',
    args: [0],
    value: LN2,
    partials: [0.5],
    why: 'softplus(0) = ln 2, slope σ(0) = ½',
  },
  {
    op: 'softplus',
    args: [20],
    value: Math.log1p(E20),
    partials: [E20 / (E20 + 1)],
    why: 'x = threshold is not above it',
  },
  {
    op: 'softplus',
    args: [20.5],
    value: 20.5,
    partials: [1],
    why: 'above the threshold 20, softplus is x with slope 1',
  },
  { op: 'softplus', args: [-800], value: 0, partials: [0], why: 'e^−800 underflows to 0' },
  { op: 'sigmoid', args: [0], value: 0.5, partials: [0.25], why: "σ'(0) = σ(1 − σ) = ¼" },
  { op: 'sigmoid', args: [-800], value: 0, partials: [0], why: 'saturated: σ = 0, slope 0' },
  { op: 'sigmoid', args: [800], value: 1, partials: [0], why: 'saturated: σ = 1, slope 0' },
  { op: 'asin', args: [1], value: Math.PI / 2, partials: [Infinity], why: '1/√(1 − 1) = +inf' },
  { op: 'acos', args: [1], value: 0, partials: [-Infinity], why: '−1/√(1 − 1) = −inf' },
  { op: 'asin', args: [2], value: NaN, partials: [NaN], why: 'outside [−1, 1]' },
  { op: 'atan', args: [Infinity], value: Math.PI / 2, partials: [0], why: '1/(1 + inf) = 0' },
  { op: 'tanh', args: [Infinity], value: 1, partials: [0], why: '1 − tanh² = 0' },
  {
    op: 'div',
    args: [1, 0],
    value: Infinity,
    partials: [Infinity, -Infinity],
    why: '1/0 = inf; −(1/0)/0 = −inf',
  },
  {
    op: 'div',
    args: [0, 0],
    value: NaN,
    partials: [Infinity, NaN],
    why: '1/0 for the numerator; −((0/0)/0) = NaN',
  },
  { op: 'exp', args: [-Infinity], value: 0, partials: [0], why: 'e^−inf = 0' },
  { op: 'neg', args: [0], value: -0, partials: [-1], why: '−0 and slope −1' },
  {
    op: 'where',
    args: [1, 2, 3],
    value: 2,
    partials: [null, 1, 0],
    why: 'true picks a; the condition has no derivative',
  },
  { op: 'where', args: [0, 2, 3], value: 3, partials: [null, 0, 1], why: 'false picks b' },
]

describe('the rule table', () => {
  it('has a test row for every elementwise op', () => {
    expect(Object.keys(SMOOTH_POINTS).sort()).toEqual([...ELEMENTWISE_OPS].sort())
  })

  it('has the reductions sum, mean, expand and sumTo as its only other entries', () => {
    const others = Object.keys(RULES).filter((op) => !(ELEMENTWISE_OPS as string[]).includes(op))
    expect(others.sort()).toEqual(['expand', 'mean', 'sum', 'sumTo'])
  })
})

describe.each(ELEMENTWISE_OPS)('%s', (op) => {
  const points = SMOOTH_POINTS[op]
  const frozen = NOT_DIFFERENTIABLE[op] ?? []

  it.each(points)('matches central finite differences at %j', (...args) => {
    const partials = partialsAt(op, args)
    args.forEach((x, i) => {
      if (frozen.includes(i)) return expect(partials[i]).toBeNull()
      const numeric = centralDifference((a) => valueAt(op, a), args, i, step(x, 1e-6))
      expectClose(partials[i] ?? null, numeric, 1e-6)
    })
  })

  it.each(points)(
    'matches finite differences of its first derivative at %j (createGraph)',
    (...args) => {
      const hessian = hessianAt(op, args)
      args.forEach((_x, i) => {
        if (frozen.includes(i)) return
        const ithPartial = (a: number[]): number => partialsAt(op, a)[i]!
        args.forEach((y, j) => {
          if (frozen.includes(j)) return
          const numeric = centralDifference(ithPartial, args, j, step(y, 1e-5))
          expectClose(hessian[i]![j]!, numeric, 1e-5)
        })
      })
    },
  )
})

describe('PyTorch’s values at the awkward points', () => {
  it.each(PYTORCH_AT_AWKWARD_POINTS)('$op at $args: $why', ({ op, args, value, partials }) => {
    expectSameAsPyTorch(valueAt(op, args), value)
    const ours = partialsAt(op, args)
    partials.forEach((expected, i) => expectSameAsPyTorch(ours[i] ?? null, expected))
  })

  it('keeps the second derivative of a kinked op zero away from the kink (relu, abs)', () => {
    for (const op of ['relu', 'abs'] as const) {
      for (const x of [-1.5, 2]) expect(hessianAt(op, [x])).toEqual([[0]])
    }
  })

  it('gives d²/dx² of x³ at 2 = 12 and of sin at 1 = −sin 1', () => {
    expectClose(hessianAt('pow', [2, 3])[0]![0]!, 12, 1e-15)
    expectClose(hessianAt('sin', [1])[0]![0]!, -Math.sin(1), 1e-15)
  })
})

describe('reductions', () => {
  const values = [0.5, -1.25, 2, 3.75]

  function reductionGradient(reduce: (x: Tensor) => Tensor): number[] {
    const x = tensor(values, { requiresGrad: true })
    reduce(x).backward()
    return x.grad!.toArray()
  }

  function numericGradient(reduce: (x: Tensor) => Tensor): number[] {
    const f = (a: number[]): number => noGrad(() => reduce(tensor(a))).item()
    return values.map((x, i) => centralDifference(f, values, i, step(x, 1e-6)))
  }

  it.each([
    ['sum', sum],
    ['mean', mean],
    ['sumTo', (x: Tensor) => sumTo(x, [])],
  ] as const)('%s matches finite differences', (_name, reduce) => {
    const ours = reductionGradient(reduce)
    numericGradient(reduce).forEach((numeric, i) => expectClose(ours[i]!, numeric, 1e-6))
  })

  it('expand spreads a scalar and sums its gradient back', () => {
    const s = tensor(2, { requiresGrad: true })
    const weights = tensor([1, -2, 5])
    const [ds] = grad(sum(apply('mul', expand(s, [3]), weights)), [s])
    expect(ds!.item()).toBe(4)
  })

  it('have zero second derivatives, through createGraph', () => {
    const x = tensor(values, { requiresGrad: true })
    const [first] = grad(mean(apply('mul', x, x)), [x], { createGraph: true })
    const [second] = grad(sum(first!), [x])
    expect(second!.toArray()).toEqual(values.map(() => 2 / values.length))
  })
})
