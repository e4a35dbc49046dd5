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
  TENSOR_ALGEBRA,
  type ElementwiseOpName,
  type Tensor,
} from './index'
import { SOFTPLUS_THRESHOLD } from './kernels/scalar'

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
  reciprocal: [[-2], [-0.3], [0.4], [1.7], [40]],
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
  log1p: [[-0.9], [-0.3], [0.2], [1.7], [40]],
  expm1: [[-3], [-1e-3], [0.4], [2.5]],
  erf: [[-2.7], [-0.9], [-0.2], [0], [0.6], [1.1], [2], [3.5]],
  silu: [[-6], [-1.3], [0], [0.8], [4]],
  gelu: [[-4], [-1.2], [0], [0.7], [2.6]],
  // Away from the jumps, where the piecewise-constant ops are flat and frac has slope 1.
  floor: [[-1.7], [-0.3], [0.4], [2.6]],
  ceil: [[-1.7], [-0.3], [0.4], [2.6]],
  round: [[-1.7], [-0.3], [0.4], [2.6]],
  frac: [[-1.7], [-0.3], [0.4], [2.6]],
  sign: [[-1.3], [0.7], [2]],
  step: [[-1.3], [0.7], [2]],
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
  // torch.reciprocal in PyTorch 1.13 (float64) and its .grad, −grad·(result·result): so −0 at ±inf.
  { op: 'reciprocal', args: [0], value: Infinity, partials: [-Infinity], why: '1/0 = inf, −inf²' },
  { op: 'reciprocal', args: [-0], value: -Infinity, partials: [-Infinity], why: '1/−0 = −inf' },
  { op: 'reciprocal', args: [Infinity], value: 0, partials: [-0], why: '−1·(0·0) = −0' },
  { op: 'reciprocal', args: [NaN], value: NaN, partials: [NaN], why: 'NaN in, NaN out' },
  {
    op: 'reciprocal',
    args: [3],
    value: 0.3333333333333333,
    partials: [-0.1111111111111111],
    why: '−1/9',
  },
  // The rows below come from PyTorch 1.13 (float64): torch.log1p, torch.expm1, torch.erf, F.silu and
  // F.gelu (approximate='none') and their .grad.
  {
    op: 'log1p',
    args: [-1],
    value: -Infinity,
    partials: [Infinity],
    why: 'ln 0 = −inf; 1/(−1 + 1) = +inf',
  },
  {
    op: 'log1p',
    args: [-2],
    value: NaN,
    partials: [-1],
    why: 'below −1 the value is NaN; the rule 1/(x + 1) still gives −1',
  },
  { op: 'log1p', args: [-0.5], value: -0.6931471805599453, partials: [2], why: 'ln ½, slope 2' },
  {
    op: 'log1p',
    args: [1e-10],
    value: 9.999999999500001e-11,
    partials: [0.9999999999],
    why: 'accurate near 0, where log(1 + x) would lose the digits',
  },
  { op: 'log1p', args: [Infinity], value: Infinity, partials: [0], why: '1/inf = 0' },
  { op: 'expm1', args: [0], value: 0, partials: [1], why: 'e^0 − 1 = 0, slope e^0 = 1' },
  {
    op: 'expm1',
    args: [1e-10],
    value: 1.00000000005e-10,
    partials: [1.0000000001],
    why: 'accurate near 0; the slope is the saved result + 1',
  },
  {
    op: 'expm1',
    args: [700],
    value: 1.0142320547350045e304,
    partials: [1.0142320547350045e304],
    why: 'large but finite',
  },
  { op: 'expm1', args: [710], value: Infinity, partials: [Infinity], why: 'overflows to inf' },
  { op: 'expm1', args: [-800], value: -1, partials: [0], why: 'e^−800 underflows: −1, slope 0' },
  { op: 'expm1', args: [-Infinity], value: -1, partials: [0], why: 'e^−inf − 1 = −1' },
  { op: 'erf', args: [0], value: 0, partials: [1.1283791670955126], why: "erf'(0) = 2/√π" },
  {
    op: 'erf',
    args: [-0],
    value: -0,
    partials: [1.1283791670955126],
    why: 'erf is odd: erf(−0) = −0',
  },
  {
    op: 'erf',
    args: [1e-310],
    value: 1.1283791670955e-310,
    partials: [1.1283791670955126],
    why: 'a subnormal: erf x = 2x/√π without underflow',
  },
  {
    op: 'erf',
    args: [1],
    value: 0.8427007929497149,
    partials: [0.4151074974205947],
    why: 'erf(1)',
  },
  {
    op: 'erf',
    args: [3],
    value: 0.9999779095030014,
    partials: [0.00013925305194674786],
    why: 'the tail, 2/√π·e^−9',
  },
  {
    op: 'erf',
    args: [6],
    value: 1,
    partials: [2.6173012392492645e-16],
    why: 'erf rounds to 1 from 6',
  },
  { op: 'erf', args: [-30], value: -1, partials: [0], why: 'e^−900 underflows: slope 0' },
  { op: 'erf', args: [Infinity], value: 1, partials: [0], why: 'erf(inf) = 1, slope 0' },
  { op: 'erf', args: [NaN], value: NaN, partials: [NaN], why: 'NaN stays NaN' },
  { op: 'silu', args: [0], value: 0, partials: [0.5], why: "silu'(0) = σ(0) = ½" },
  {
    op: 'silu',
    args: [1],
    value: 0.7310585786300049,
    partials: [0.9276705118714869],
    why: 'σ(1)·(1 + 1·(1 − σ(1)))',
  },
  {
    op: 'silu',
    args: [30],
    value: 29.999999999997197,
    partials: [1.000000000002711],
    why: 'x·σ(x) just under x, slope just over 1',
  },
  {
    op: 'silu',
    args: [-30],
    value: -2.8072868906517896e-12,
    partials: [-2.713710660963134e-12],
    why: 'a small negative value and slope',
  },
  { op: 'silu', args: [-800], value: -0, partials: [-0], why: 'e^800 overflows: −800/inf = −0' },
  { op: 'silu', args: [-Infinity], value: NaN, partials: [NaN], why: '−inf/inf is NaN' },
  { op: 'gelu', args: [0], value: 0, partials: [0.5], why: "gelu'(0) = Φ(0) = ½" },
  {
    op: 'gelu',
    args: [1],
    value: 0.841344746068543,
    partials: [1.0833154705876864],
    why: 'Φ(1) and Φ(1) + φ(1)',
  },
  {
    op: 'gelu',
    args: [-3],
    value: -0.00404969409489031,
    partials: [-0.01194564720418392],
    why: 'the left tail dips below 0',
  },
  { op: 'gelu', args: [30], value: 30, partials: [1], why: 'Φ(30) = 1: gelu x = x' },
  {
    op: 'gelu',
    args: [-30],
    value: -0,
    partials: [-4.420938404635643e-195],
    why: 'Φ(−30) = 0, but x·φ(x) is still a (tiny) number',
  },
  {
    op: 'gelu',
    args: [Infinity],
    value: Infinity,
    partials: [NaN],
    why: 'Φ + inf·φ(inf) = inf·0 = NaN',
  },
  {
    op: 'gelu',
    args: [-Infinity],
    value: NaN,
    partials: [NaN],
    why: '−inf·Φ(−inf) = −inf·0 = NaN',
  },
  // torch.floor, ceil, round, sign and frac in PyTorch 1.13 (float64) and their .grad: zeros_like(grad)
  // for the first four, at the jumps too; grad itself for frac.
  { op: 'floor', args: [2], value: 2, partials: [0], why: 'at a jump, still zeros_like(grad)' },
  { op: 'floor', args: [-1.5], value: -2, partials: [0], why: 'floor goes down: ⌊−1.5⌋ = −2' },
  {
    op: 'floor',
    args: [NaN],
    value: NaN,
    partials: [0],
    why: 'zeros_like(grad) ignores the input',
  },
  { op: 'floor', args: [Infinity], value: Infinity, partials: [0], why: '⌊inf⌋ = inf, slope 0' },
  { op: 'ceil', args: [-0.5], value: -0, partials: [0], why: '⌈−0.5⌉ = −0, slope 0' },
  { op: 'ceil', args: [2.5], value: 3, partials: [0], why: '⌈2.5⌉ = 3' },
  { op: 'round', args: [0.5], value: 0, partials: [0], why: 'a tie goes to the even 0' },
  { op: 'round', args: [1.5], value: 2, partials: [0], why: 'a tie goes to the even 2' },
  { op: 'round', args: [2.5], value: 2, partials: [0], why: 'a tie goes to the even 2, not 3' },
  { op: 'round', args: [-2.5], value: -2, partials: [0], why: 'a tie goes to the even −2' },
  { op: 'round', args: [2.7], value: 3, partials: [0], why: 'nearest integer' },
  { op: 'sign', args: [0], value: 0, partials: [0], why: 'sign(0) = 0, slope 0' },
  { op: 'sign', args: [-0.5], value: -1, partials: [0], why: 'sign(−0.5) = −1' },
  { op: 'sign', args: [NaN], value: 0, partials: [0], why: 'torch.sign(nan) = 0 in 1.13' },
  { op: 'sign', args: [Infinity], value: 1, partials: [0], why: 'sign(inf) = 1' },
  { op: 'frac', args: [-1.5], value: -0.5, partials: [1], why: 'x − trunc x keeps the sign of x' },
  { op: 'frac', args: [2], value: 0, partials: [1], why: 'the slope is 1 at the jump too: grad' },
  {
    op: 'frac',
    args: [2.7],
    value: 0.7000000000000002,
    partials: [1],
    why: '2.7 − 2 in binary',
  },
  { op: 'frac', args: [Infinity], value: NaN, partials: [1], why: 'inf − trunc(inf) = inf − inf' },
  {
    op: 'step',
    args: [0],
    value: 0,
    partials: [0],
    why: 'torch.heaviside(0, 0) = 0; heaviside has no backward, step takes sign’s 0',
  },
  { op: 'step', args: [NaN], value: 0, partials: [0], why: 'torch.heaviside(nan, 0) = 0 in 1.13' },
  { op: 'step', args: [3], value: 1, partials: [0], why: 'torch.heaviside(3, 0) = 1' },
]

/** Second derivatives from PyTorch 1.13 (float64), torch.autograd.grad twice with create_graph. */
const PYTORCH_SECOND_DERIVATIVES: readonly { op: ElementwiseOpName; x: number; d2: number }[] = [
  { op: 'reciprocal', x: 3, d2: 0.07407407407407407 },
  { op: 'log1p', x: -0.5, d2: -4 },
  { op: 'log1p', x: 3, d2: -0.0625 },
  { op: 'expm1', x: 1, d2: 2.7182818284590455 },
  { op: 'erf', x: 0.5, d2: -0.8787825789354448 },
  { op: 'erf', x: 1, d2: -0.8302149948411894 },
  { op: 'erf', x: 3, d2: -0.0008355183116804871 },
  { op: 'silu', x: 0, d2: 0.5 },
  { op: 'silu', x: 1, d2: 0.3023661188100153 },
  { op: 'silu', x: -1, d2: 0.3023661188100153 },
  { op: 'gelu', x: 0, d2: 0.7978845608028654 },
  { op: 'gelu', x: 1, d2: 0.24197072451914337 },
  { op: 'gelu', x: -3, d2: -0.031022938883566054 },
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

/** The textbook form an entry shows the learner, read as tensor ops: ∂out/∂input_k at `args`. */
function textbookPartial(op: ElementwiseOpName, args: readonly number[], k: number): number {
  const textbook = RULES[op].textbook!
  const [a = 0, b = 0, c = 0] = args
  const tangent = (i: number): number => (i === k ? 1 : 0)
  const varies = [0, 1, 2].map((i) => i === k) as [boolean, boolean, boolean]
  return noGrad(() => {
    const shown = textbook(TENSOR_ALGEBRA, {
      a: tensor(a),
      b: tensor(b),
      c: tensor(c),
      out: apply(op, ...args),
      da: tangent(0),
      db: tangent(1),
      dc: tangent(2),
      varies,
    })
    return typeof shown === 'number' ? shown : shown.item()
  })
}

describe('textbook forms', () => {
  const withTextbook = ELEMENTWISE_OPS.filter((op) => RULES[op].textbook !== null)

  // What the shown forms leave out, as their comments say: clamp′ assumes lo ≤ hi (with lo > hi PyTorch
  // gives everything to hi), and softplus′ = σ ignores the threshold (above 20 the slope is exactly 1).
  const shownCases = (op: ElementwiseOpName) =>
    SMOOTH_POINTS[op].filter(
      (args) =>
        (op !== 'clamp' || args[1]! <= args[2]!) &&
        (op !== 'softplus' || args[0]! <= SOFTPLUS_THRESHOLD),
    )

  it.each(withTextbook)(
    '%s: the shown derivative has the formula’s values away from kinks',
    (op) => {
      const frozen = NOT_DIFFERENTIABLE[op] ?? []
      for (const args of shownCases(op)) {
        const partials = partialsAt(op, args)
        args.forEach((_x, k) => {
          if (frozen.includes(k)) return
          expectClose(textbookPartial(op, args, k), partials[k]!, 1e-12)
        })
      }
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

  it.each(PYTORCH_SECOND_DERIVATIVES)('$op″($x) = $d2, as PyTorch', ({ op, x, d2 }) => {
    expectClose(hessianAt(op, [x])[0]![0]!, d2, 1e-14)
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
