/**
 * torch.linspace as PyTorch 1.13's CPU kernel computes it (aten/src/ATen/native/cpu/RangeFactoriesKernel.cpp
 * through cpu_serial_kernel_vec): step = (end − start)/(steps − 1) in the dtype; elements are produced two
 * vectors at a time (8 floats or 4 doubles per AVX2 vector), each vector from a base, `start + step·i`
 * while i is in the first half and `end − step·(steps − i − 1)` after, plus k·step for its k-th lane; the
 * elements left over at the end are computed one by one with the same two formulas. Every op is rounded
 * to the dtype, so the values are PyTorch's to the last bit (0.0 in linspace(-1, 10, 100) is 7.45e-09).
 */
export function linspaceValues(
  start: number,
  end: number,
  steps: number,
  dtype: 'float32' | 'float64',
): Float64Array {
  const f = dtype === 'float32' ? Math.fround : (v: number) => v
  const lanes = dtype === 'float32' ? 8 : 4
  const data = new Float64Array(steps)
  const s = f(start)
  const e = f(end)
  if (steps === 1) data[0] = s
  if (steps <= 1) return data
  const step = f(f(e - s) / (steps - 1))
  const halfway = Math.floor(steps / 2)
  // The kernel is compiled with FMA contraction: a + b·c rounds once. For float32, b·c is exact in a double.
  const fused = dtype === 'float32' ? (a: number, b: number, c: number) => f(a + b * c) : fma
  const scalar = (i: number) => (i < halfway ? fused(s, step, i) : fused(e, -step, steps - i - 1))
  let i = 0
  const vector = (at: number) => {
    const base = scalar(at)
    for (let k = 0; k < lanes; k++) data[at + k] = k === 0 ? base : f(base + f(k * step))
  }
  // Two vectors per round, while both fit; the rest one element at a time.
  for (; i <= steps - 2 * lanes; i += 2 * lanes) {
    vector(i)
    vector(i + lanes)
  }
  for (; i < steps; i++) data[i] = scalar(i)
  return data
}

/** Veltkamp's split: a = hi + lo with hi, lo of 26 bits each, so products of halves are exact. */
function split(a: number): [number, number] {
  const c = 134217729 * a // 2^27 + 1
  const hi = c - (c - a)
  return [hi, a - hi]
}

/** a + b·c rounded once (almost always: the sum of the three exact parts rounds twice only on near-ties). */
export function fma(a: number, b: number, c: number): number {
  const p = b * c
  if (!Number.isFinite(p) || p === 0) return a + p
  // Dekker's two-product: p + err = b·c exactly.
  const [bh, bl] = split(b)
  const [ch, cl] = split(c)
  const err = bh * ch - p + bh * cl + bl * ch + bl * cl
  // Knuth's two-sum: s + t = a + p exactly.
  const sum = a + p
  const v = sum - a
  const t = a - (sum - v) + (p - v)
  return sum + (t + err)
}
