/**
 * Writes f(a[i], b[i], c[i]) into out[i]; any operand may hold a single broadcast value. The common
 * case of clamp — a full `a` with scalar bounds — has its own loop; the rest step through each operand
 * with a stride of 1 (full) or 0 (broadcast).
 */
export type TernaryKernel = (
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  c: Float64Array,
) => void

export const ternaryKernels = {
  /** clamp(x, lo, hi) = min(max(x, lo), hi): NaN anywhere gives NaN, and lo > hi gives hi, as PyTorch. */
  clamp: (out, x, lo, hi) => {
    const n = out.length
    if (x.length === n && lo.length === 1 && hi.length === 1) {
      const low = lo[0]!
      const high = hi[0]!
      for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(x[i]!, low), high)
      return
    }
    const sx = x.length === n ? 1 : 0
    const sl = lo.length === n ? 1 : 0
    const sh = hi.length === n ? 1 : 0
    for (let i = 0; i < n; i++) out[i] = Math.min(Math.max(x[i * sx]!, lo[i * sl]!), hi[i * sh]!)
  },
  /** where(cond, a, b): a where cond ≠ 0, else b (cond is a 0/1 mask from a comparison). */
  where: (out, cond, a, b) => {
    const n = out.length
    const sc = cond.length === n ? 1 : 0
    const sa = a.length === n ? 1 : 0
    const sb = b.length === n ? 1 : 0
    for (let i = 0; i < n; i++) out[i] = cond[i * sc] !== 0 ? a[i * sa]! : b[i * sb]!
  },
} satisfies Record<string, TernaryKernel>
