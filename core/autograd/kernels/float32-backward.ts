import { fmaf } from './float32-arith'
import { splitVectorTail } from './float32'
import { glibcExpf } from './glibc-float'
import { sleefExpf } from './sleef-exp'

/**
 * PyTorch 1.13's float32 backward formulas for the nodes whose derivative PyTorch computes in one
 * kernel, or in another order, than the chain of ops our rule is written in: input `input`'s share from
 * the incoming gradient and the one saved tensor the formula reads (`out`, the op's result, or `a`, its
 * first input). Keyed by PyTorch's node name; the notebook consults it in float32 mode, nothing else does.
 */
export interface Float32BackwardKernel {
  readonly input: number
  readonly saved: 'out' | 'a'
  readonly kernel: (out: Float64Array, grad: Float64Array, saved: Float64Array) => void
}

const f = Math.fround

export const float32BackwardKernels: Readonly<Record<string, Float32BackwardKernel>> = {
  /**
   * tanh_backward (BinaryOpsKernel.cpp): `a * (1 - b * b)` with a = grad, b = tanh's result. GCC
   * contracts `1 - b * b` into one fused multiply-add (the AVX2 kernels build with -mfma, and
   * Vectorized's operators are plain vector arithmetic), in the vector lambda and the scalar one alike,
   * so 1 − b² is rounded once.
   */
  TanhBackward0: {
    input: 0,
    saved: 'out',
    kernel: (out, grad, b) => {
      for (let i = 0; i < out.length; i++) out[i] = f(grad[i]! * fmaf(-b[i]!, b[i]!, 1))
    },
  },
  /**
   * softplus_backward (Activation.cpp) with beta = 1, threshold = 20: z = exp(b·β), then
   * b·β > threshold ? a : a·z / (z + 1), with b the op's input; cpu_kernel_vec, so exp is SLEEF's on
   * whole 16-element blocks and glibc's on the tail.
   */
  SoftplusBackward0: {
    input: 0,
    saved: 'a',
    kernel: (out, grad, b) => {
      const step = (i: number, exp: (x: number) => number) => {
        const z = exp(b[i]!)
        out[i] = b[i]! > 20 ? grad[i]! : f(f(grad[i]! * z) / f(z + 1))
      }
      const blocks = splitVectorTail(out.length)
      for (let i = 0; i < blocks; i++) step(i, sleefExpf)
      for (let i = blocks; i < out.length; i++) step(i, glibcExpf)
    },
  },
  /**
   * silu_backward (Activation.cpp): s = 1 / (1 + exp(−x)), then dy·s·(1 + x·(1 − s)), with
   * 1 + x·(1 − s) contracted into one fused multiply-add; cpu_kernel_vec, SLEEF's exp on whole
   * 16-element blocks and glibc's on the tail.
   */
  SiluBackward0: {
    input: 0,
    saved: 'a',
    kernel: (out, grad, x) => {
      const step = (i: number, exp: (v: number) => number) => {
        const s = f(1 / f(1 + exp(-x[i]!)))
        out[i] = f(f(grad[i]! * s) * fmaf(x[i]!, f(1 - s), 1))
      }
      const blocks = splitVectorTail(out.length)
      for (let i = 0; i < blocks; i++) step(i, sleefExpf)
      for (let i = blocks; i < out.length; i++) step(i, glibcExpf)
    },
  },
  /** asin: derivatives.yaml `grad * (-self * self + 1).rsqrt()`, a product with 1/√, not a quotient. */
  AsinBackward0: {
    input: 0,
    saved: 'a',
    kernel: (out, grad, a) => {
      for (let i = 0; i < out.length; i++) out[i] = f(grad[i]! * rsqrtOneMinusSquare(a[i]!))
    },
  },
  /** acos: derivatives.yaml `grad * -((-self * self + 1).rsqrt())`. */
  AcosBackward0: {
    input: 0,
    saved: 'a',
    kernel: (out, grad, a) => {
      for (let i = 0; i < out.length; i++) out[i] = f(grad[i]! * -rsqrtOneMinusSquare(a[i]!))
    },
  },
}

/** (−x·x + 1).rsqrt() in float32: rsqrt_kernel is 1 / √, each step rounded. */
function rsqrtOneMinusSquare(x: number): number {
  return f(1 / f(Math.sqrt(f(f(-x * x) + 1))))
}
