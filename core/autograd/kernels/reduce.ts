/**
 * Reductions and their adjoint, broadcasting. Sums are pairwise (blocks of 8 added in a balanced tree),
 * as PyTorch's cascade sum, so the rounding error of a long sum grows as log n rather than n.
 */

const PAIRWISE_BLOCK = 8

function pairwiseSum(a: Float64Array, start: number, end: number): number {
  if (end - start <= PAIRWISE_BLOCK) {
    let total = 0
    for (let i = start; i < end; i++) total += a[i]!
    return total
  }
  const middle = start + ((end - start) >> 1)
  return pairwiseSum(a, start, middle) + pairwiseSum(a, middle, end)
}

export function sumKernel(a: Float64Array): number {
  return pairwiseSum(a, 0, a.length)
}

/** The mean of no values is NaN (0/0), as `torch.mean` of an empty tensor. */
export function meanKernel(a: Float64Array): number {
  return sumKernel(a) / a.length
}

/** Copies `a` into `out`, or fills `out` with a's single value when it is broadcast. */
export function expandKernel(out: Float64Array, a: Float64Array): void {
  if (a.length === out.length) out.set(a)
  else out.fill(a[0]!)
}

/** Sums `a` down to `out`'s length: a copy when equal, else the total into a one-element `out`. */
export function sumToKernel(out: Float64Array, a: Float64Array): void {
  if (a.length === out.length) out.set(a)
  else out[0] = sumKernel(a)
}
