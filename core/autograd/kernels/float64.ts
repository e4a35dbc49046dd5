import type { Float32BackwardKernel } from './float32-backward'
import { fma } from './float64-arith'
import {
  sleefExp,
  sleefExpm1,
  sleefLog,
  sleefLog10,
  sleefLog1p,
  sleefLog2,
  sleefTanh,
} from './sleef-double'
import {
  sleefAtan,
  sleefCos,
  sleefSin,
  sleefTan,
  TRIG_RANGE_MAX,
  TRIG_RANGE_MAX2,
  type TrigReduction,
} from './sleef-double-trig'

/**
 * PyTorch 1.13's CPU float64 kernels (AVX2 build) for the ops where they differ from JavaScript's Math:
 * each op's output as PyTorch computes it, element by element. Keyed by the engine's op name; the
 * notebook consults it for float64 tensors (core/notebook/tensor.ts), nothing else does. Only `vml` ops
 * are here (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp IMPLEMENT_FLOAT_KERNEL → vml::v<op>, vec::map
 * over Vectorized<double> with a zero-padded load for the last partial vector): every element, 0-dim
 * tensors included, gets SLEEF's value. The cpu_kernel_vec ops (sinh, cosh, sigmoid…) run glibc's
 * double functions on the tail, which JavaScript's Math does not reproduce, so they are left out.
 * A kernel receives `out` holding the engine's own result and overwrites it.
 */
export type Float64Kernel = (out: Float64Array, a: Float64Array) => void

/** Vectorized<double> on AVX2: 4 lanes. */
const VECTOR = 4

/** Every element through the vectorized function (vec::map). */
function vml(vector: (x: number) => number): Float64Kernel {
  return (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = vector(a[i]!)
  }
}

/**
 * sin, cos and tan through vec::map: SLEEF picks one reduction for a whole 4-lane vector (sleef-double-trig.ts),
 * the short one when every lane has |x| < 15, Cody–Waite in four parts when every lane has |x| < 1e14;
 * a vector with a lane beyond (or ±∞, NaN) takes Payne–Hanek, which is not ported: those four elements
 * keep the engine's Math values. The zero padding of a partial vector is in range.
 */
function vmlTrig(vector: (x: number, reduction: TrigReduction) => number): Float64Kernel {
  return (out, a) => {
    for (let start = 0; start < out.length; start += VECTOR) {
      const end = Math.min(start + VECTOR, out.length)
      let largest = 0
      for (let i = start; i < end; i++)
        largest = Number.isNaN(a[i]) ? Infinity : Math.max(largest, Math.abs(a[i]!))
      if (!(largest < TRIG_RANGE_MAX)) continue
      const reduction = largest < TRIG_RANGE_MAX2 ? 'short' : 'long'
      for (let i = start; i < end; i++) out[i] = vector(a[i]!, reduction)
    }
  }
}

export const float64Kernels: Readonly<Record<string, Float64Kernel>> = {
  exp: vml(sleefExp),
  tanh: vml(sleefTanh),
  log: vml(sleefLog),
  log2: vml(sleefLog2),
  log10: vml(sleefLog10),
  log1p: vml(sleefLog1p),
  expm1: vml(sleefExpm1),
  atan: vml(sleefAtan),
  sin: vmlTrig(sleefSin),
  cos: vmlTrig(sleefCos),
  tan: vmlTrig(sleefTan),
}

/** A fused float64 backward formula: the same shape as a float32 one (float32-backward.ts). */
export type Float64BackwardKernel = Float32BackwardKernel

export const float64BackwardKernels: Readonly<Record<string, Float64BackwardKernel>> = {
  /**
   * tanh_backward (BinaryOpsKernel.cpp): `a * (1 - b * b)` with a = grad, b = tanh's result, and GCC
   * contracts 1 − b·b into one fused multiply-add in both lambdas (as for float32), so 1 − b² is
   * rounded once.
   */
  TanhBackward0: {
    input: 0,
    saved: 'out',
    kernel: (out, grad, b) => {
      for (let i = 0; i < out.length; i++) out[i] = grad[i]! * fma(-b[i]!, b[i]!, 1)
    },
  },
}
