/**
 * Every derivative the engine knows, as one table (after PyTorch's tools/autograd/derivatives.yaml and
 * tinygrad's gradient.py). Per op: its forward kernel, its output as a JS expression (`scalar`, for the
 * generated loop), and its derivative written ONCE, per input, as a formula over the rule algebra
 * (algebra.ts). That one formula is the tensor backward (so a backward pass can itself be recorded,
 * `createGraph`), the generated loop's gradient code, and the derivative shown to the learner. Where
 * the learner reads a textbook form instead (1/cos² for tan, step for relu, the product rule), the
 * entry says so in `textbook`, beside the formula; a test holds the two to the same numbers.
 * Where the math is undefined the formula follows PyTorch, citing derivatives.yaml (DY) or
 * torch/csrc/autograd/FunctionsManual.cpp (FM).
 *
 * The table is split by kind: rules-arithmetic.ts (operators, min, max, clamp, where) and
 * rules-functions.ts (functions of one argument); the reductions are below. A new op is one entry
 * there, its forward kernel, one catalog entry (core/ops/catalog.ts) and its rows
 * in rules.test.ts.
 */
import { ARITHMETIC_RULES } from './rules-arithmetic'
import { FUNCTION_RULES } from './rules-functions'
import { expandKernel, meanKernel, sumKernel, sumToKernel } from './kernels/reduce'
import { div, expand, sumTo } from './ops'
import type { Rule } from './rule-types'
import { numel, SCALAR_SHAPE } from './shape'

export const RULES = {
  ...ARITHMETIC_RULES,
  ...FUNCTION_RULES,
  // d/dxᵢ Σ x = 1 for every i: the gradient is spread back over the input's shape
  sum: {
    kind: 'reduction',
    outputShape: () => SCALAR_SHAPE,
    forward: (out, a) => {
      out[0] = sumKernel(a)
    },
    backward: [(g, { aShape }) => expand(g, aShape)],
  },
  // d/dxᵢ mean x = 1/n (DY mean: grad.expand(sizes) / numel)
  mean: {
    kind: 'reduction',
    outputShape: () => SCALAR_SHAPE,
    forward: (out, a) => {
      out[0] = meanKernel(a)
    },
    backward: [(g, { aShape }) => div(expand(g, aShape), numel(aShape))],
  },
  // broadcasting a single value to a shape; its adjoint sums back (PyTorch's expand / sum_to)
  expand: {
    kind: 'reduction',
    outputShape: (_input, target) => target,
    forward: expandKernel,
    backward: [(g, { aShape }) => sumTo(g, aShape)],
  },
  // summing over a broadcast axis, down to a shape; its adjoint broadcasts again
  sumTo: {
    kind: 'reduction',
    outputShape: (_input, target) => target,
    forward: sumToKernel,
    backward: [(g, { aShape }) => expand(g, aShape)],
  },
} as const satisfies Record<string, Rule>

/** The name of a rule in the table: an op of the engine (`mul`, `powScalar`, `sum`). */
export type RuleName = keyof typeof RULES

/** The ops applied element by element: every op but the reductions, each with scalar templates. */
export type ElementwiseOpName = {
  [K in RuleName]: (typeof RULES)[K]['kind'] extends 'elementwise' ? K : never
}[RuleName]

export const ELEMENTWISE_OPS: readonly ElementwiseOpName[] = (
  Object.keys(RULES) as RuleName[]
).filter((op): op is ElementwiseOpName => RULES[op].kind === 'elementwise')
