import { pytorchSumFloat32 } from './float32-sum'
import { glibcCoshf, glibcExpf, glibcLog1pf, glibcSinhf } from './glibc-float'
import { cPow } from './scalar'
import {
  inFastRange,
  sleefAcosf,
  sleefAsinf,
  sleefAtanf,
  sleefCosf,
  sleefSinf,
  sleefTanf,
} from './sleef-trig'
import {
  sleefCoshf,
  sleefErff,
  sleefExpf,
  sleefExpm1f,
  sleefLog10f,
  sleefLog1pf,
  sleefLog2f,
  sleefLogf,
  sleefPowf,
  sleefSinhf,
  sleefTanhf,
} from './sleef-exp'

/**
 * PyTorch 1.13's CPU float32 kernels (AVX2 build) for the ops whose float32 result is not simply the
 * float64 result rounded: each op's output as PyTorch computes it, element by element, on the path
 * PyTorch takes for that element. Keyed by the engine's op name; the notebook consults it in float32
 * mode (core/notebook/tensor.ts), nothing else does. Two paths exist
 * (aten/src/ATen/native/cpu/UnaryOpsKernel.cpp):
 *
 * - `vml`: IMPLEMENT_FLOAT_KERNEL / IMPLEMENT_COMPLEX_KERNEL call vml::v<op> (cpu/vml.h), i.e. vec::map,
 *   which runs every element through Vectorized<float>, the last partial vector by a zero-padded load:
 *   every element, 0-dim tensors included, gets SLEEF's value. exp, expm1, log, log2, log10, log1p,
 *   sin, cos, tan, asin, acos, atan, tanh, erf.
 * - `vec`: cpu_kernel_vec (cpu/Loops.h vectorized_loop) runs Vectorized<float> over whole pairs of
 *   vectors (16 floats) and the scalar lambda, with std:: functions (glibc), over the remaining n mod 16
 *   elements — a 0-dim tensor is all tail. sinh, cosh, sigmoid, softplus, silu.
 */
export type Float32Kernel = (out: Float64Array, a: Float64Array, b: Float64Array) => void

const f = Math.fround
const VECTOR = 8

/** Every element through the vectorized function (vec::map). */
function vml(vector: (x: number) => number): Float32Kernel {
  return (out, a) => {
    for (let i = 0; i < out.length; i++) out[i] = vector(a[i]!)
  }
}

/**
 * sin and cos through vec::map: SLEEF reduces a whole 8-lane vector by Cody–Waite when every lane has
 * |x| < 125, else every lane by Payne–Hanek (sleef-trig.ts); the zero padding of a partial last vector
 * is in range.
 */
function vmlTrig(vector: (x: number, wide: boolean) => number): Float32Kernel {
  return (out, a) => {
    for (let start = 0; start < out.length; start += VECTOR) {
      const end = Math.min(start + VECTOR, out.length)
      let wide = false
      for (let i = start; i < end; i++) wide ||= !inFastRange(a[i]!)
      for (let i = start; i < end; i++) out[i] = vector(a[i]!, wide)
    }
  }
}

/** How many leading elements of n cpu_kernel_vec runs vectorized: whole blocks of two vectors. */
export const splitVectorTail = (n: number): number => n - (n % (2 * VECTOR))

/** cpu_kernel_vec: the vectorized function over whole 16-element blocks, the scalar one after. */
function vec(vector: (x: number) => number, scalar: (x: number) => number): Float32Kernel {
  return (out, a) => {
    const n = out.length
    const blocks = splitVectorTail(n)
    for (let i = 0; i < blocks; i++) out[i] = vector(a[i]!)
    for (let i = blocks; i < n; i++) out[i] = scalar(a[i]!)
  }
}

/** glibc's float functions, which std::exp(float)… call in the scalar lambdas (glibc-float.ts). */
const glibc = {
  exp: glibcExpf,
  log1p: glibcLog1pf,
  sinh: glibcSinhf,
  cosh: glibcCoshf,
}

/**
 * sigmoid_kernel: the vector lambda is ((0 − a).exp() + 1).reciprocal(), the scalar one
 * 1 / (1 + std::exp(−a)), each step rounded to float.
 */
const sigmoidVector = (x: number): number => f(1 / f(1 + sleefExpf(f(0 - x))))
const sigmoidScalar = (x: number): number => f(1 / f(1 + glibc.exp(-x)))

/**
 * softplus_kernel (Activation.cpp) with beta = 1, threshold = 20: the vector lambda is
 * blendv((a·β).exp().log1p() / β, a, a·β > threshold), the scalar one
 * a·β > threshold ? a : log1p(exp(a·β)) / β.
 */
const softplusVector = (x: number): number => (x > 20 ? x : sleefLog1pf(sleefExpf(x)))
const softplusScalar = (x: number): number => (x > 20 ? x : glibc.log1p(glibc.exp(x)))

/**
 * pow(Tensor, Scalar) (Pow.cpp, PowKernel.cpp): exponents ½, −½ and −1 go to sqrt_kernel, rsqrt_kernel
 * (1 / std::sqrt(a), vector a.rsqrt() = 1 / √a) and reciprocal_kernel; 2, 3 and −2 to products
 * (base·base, base·base·base, 1 / (base·base)); 0 and 1 are a fill and a copy. Each step rounds to
 * float, which is where these differ from the double result rounded once (1/√a above all). Any other
 * exponent is cpu_kernel_vec (pow_tensor_scalar_optimized_kernel<float, double>) of base.pow(e), i.e.
 * Sleef_powf8_u10 with e cast to float, and on the tail std::pow(base, e) with e a double: glibc's double
 * pow, rounded to float.
 */
const powScalarKernels: Readonly<Record<number, (x: number) => number>> = {
  2: (x) => f(x * x),
  3: (x) => f(f(x * x) * x),
  0.5: (x) => f(Math.sqrt(x)),
  [-0.5]: (x) => f(1 / f(Math.sqrt(x))),
  [-1]: (x) => f(1 / x),
  [-2]: (x) => f(1 / f(x * x)),
}
const powScalar: Float32Kernel = (out, a, b) => {
  if (b.length !== 1 || a.length !== out.length) {
    for (let i = 0; i < out.length; i++) out[i] = f(out[i]!)
    return
  }
  const kernel = powScalarKernels[b[0]!]
  if (kernel) {
    for (let i = 0; i < out.length; i++) out[i] = kernel(a[i]!)
    return
  }
  const e = f(b[0]!)
  if (b[0] === 0 || b[0] === 1) {
    for (let i = 0; i < out.length; i++) out[i] = b[0] === 0 ? 1 : a[i]!
    return
  }
  const blocks = splitVectorTail(out.length)
  for (let i = 0; i < blocks; i++) out[i] = sleefPowf(a[i]!, e)
  for (let i = blocks; i < out.length; i++) out[i] = f(cPow(a[i]!, b[0]!))
}

/**
 * silu_kernel (Activation.cpp): the vector lambda is x / (1 + x.neg().exp()), the scalar one
 * x / (1 + std::exp(−x)).
 */
const siluVector = (x: number): number => f(x / f(1 + sleefExpf(-x)))
const siluScalar = (x: number): number => f(x / f(1 + glibc.exp(-x)))

/**
 * + − × ÷ with a scalar operand, as PyTorch's binary kernels take a Python number or a constant of a
 * derivative formula (log2's ln 2, erf's 2/√π): cast to the tensor's float first, then the op, rounded.
 * Float32 operands are unchanged by the cast, so this is the plain rounded result for them.
 */
function arithmetic(op: (x: number, y: number) => number): Float32Kernel {
  return (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = f(op(f(a[i]!), f(b[i]!)))
    } else if (b.length === n) {
      const x = f(a[0]!)
      for (let i = 0; i < n; i++) out[i] = f(op(x, f(b[i]!)))
    } else {
      const y = f(b[0]!)
      for (let i = 0; i < n; i++) out[i] = f(op(f(a[i]!), y))
    }
  }
}

/**
 * A reduction to one number in PyTorch's float32 order (float32-sum.ts); mean is sum(x).div_(n), as
 * ReduceOps.cpp mean_out computes it on CPU. Reductions to more than one number (none yet: the
 * engine's tensors are vectors) keep the exact sum, rounded.
 */
function reduction(mean: boolean): Float32Kernel {
  return (out, a) => {
    if (out.length !== 1) {
      for (let i = 0; i < out.length; i++) out[i] = f(out[i]!)
      return
    }
    const total = pytorchSumFloat32(a)
    out[0] = mean ? f(total / a.length) : total
  }
}

export const float32Kernels: Readonly<Record<string, Float32Kernel>> = {
  sum: reduction(false),
  sumTo: reduction(false),
  mean: reduction(true),
  add: arithmetic((x, y) => x + y),
  sub: arithmetic((x, y) => x - y),
  mul: arithmetic((x, y) => x * y),
  div: arithmetic((x, y) => x / y),
  erf: vml(sleefErff),
  powScalar,
  exp: vml(sleefExpf),
  expm1: vml(sleefExpm1f),
  log: vml(sleefLogf),
  log2: vml(sleefLog2f),
  log10: vml(sleefLog10f),
  log1p: vml(sleefLog1pf),
  tanh: vml(sleefTanhf),
  atan: vml(sleefAtanf),
  sin: vmlTrig(sleefSinf),
  cos: vmlTrig(sleefCosf),
  tan: vmlTrig(sleefTanf),
  asin: vml(sleefAsinf),
  acos: vml(sleefAcosf),
  sinh: vec(sleefSinhf, glibc.sinh),
  cosh: vec(sleefCoshf, glibc.cosh),
  sigmoid: vec(sigmoidVector, sigmoidScalar),
  softplus: vec(softplusVector, softplusScalar),
  silu: vec(siluVector, siluScalar),
}
