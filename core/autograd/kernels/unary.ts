import { erf } from './erf'
import { frac, gelu, heaviside, relu, roundHalfEven, sigmoid, sign, silu, softplus } from './scalar'

/** Writes f(a[i]) into out[i]; `out` and `a` have the same length. */
export type UnaryKernel = (out: Float64Array, a: Float64Array) => void

/* One tight loop per op (no per-element closure call through a shared loop, which V8 could not inline). */
export const unaryKernels = {
  neg: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = -a[i]!
  },
  exp: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.exp(a[i]!)
  },
  log: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.log(a[i]!)
  },
  log2: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.log2(a[i]!)
  },
  log10: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.log10(a[i]!)
  },
  reciprocal: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = 1 / a[i]!
  },
  sqrt: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.sqrt(a[i]!)
  },
  abs: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.abs(a[i]!)
  },
  sin: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.sin(a[i]!)
  },
  cos: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.cos(a[i]!)
  },
  tan: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.tan(a[i]!)
  },
  asin: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.asin(a[i]!)
  },
  acos: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.acos(a[i]!)
  },
  atan: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.atan(a[i]!)
  },
  sinh: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.sinh(a[i]!)
  },
  cosh: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.cosh(a[i]!)
  },
  tanh: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.tanh(a[i]!)
  },
  relu: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = relu(a[i]!)
  },
  sigmoid: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = sigmoid(a[i]!)
  },
  softplus: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = softplus(a[i]!)
  },
  log1p: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.log1p(a[i]!)
  },
  expm1: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.expm1(a[i]!)
  },
  erf: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = erf(a[i]!)
  },
  silu: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = silu(a[i]!)
  },
  gelu: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = gelu(a[i]!)
  },
  sign: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = sign(a[i]!)
  },
  step: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = heaviside(a[i]!)
  },
  floor: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.floor(a[i]!)
  },
  ceil: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = Math.ceil(a[i]!)
  },
  round: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = roundHalfEven(a[i]!)
  },
  frac: (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = frac(a[i]!)
  },
} satisfies Record<string, UnaryKernel>
