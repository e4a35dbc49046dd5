/**
 * PyTorch 1.13's float32 sum of a contiguous vector (aten/src/ATen/native/cpu/SumKernel.cpp,
 * cascade_sum): it accumulates in float (acc_type<float, is_cuda = true>), not in double, and in a
 * fixed order. From 8 elements on, vectorized_inner_sum adds whole 8-lane vectors with row_sum (four
 * interleaved accumulators, multi_row_sum's cascade levels), sums the leftover elements one by one,
 * then adds the 8 lanes of the vector total to that; below 8, scalar_inner_sum runs row_sum on the
 * elements themselves. The result is then added to the output's 0.
 */

const f = Math.fround
const LANES = 8
const ILP = 4
const LEVELS = 4

/** Accumulators of `width` lanes, each a float per lane. */
type Acc = Float64Array

/**
 * multi_row_sum: `rows` rows of ILP items of `width` lanes (item k of row i starts at
 * start + (i·ILP + k)·width), summed per item and lane through LEVELS cascade levels.
 */
function multiRowSum(x: ArrayLike<number>, width: number, rows: number): Acc[] {
  const levelPower = Math.max(4, Math.floor(ceilLog2(rows) / LEVELS))
  const levelStep = 2 ** levelPower
  const levelMask = levelStep - 1
  const acc = Array.from({ length: LEVELS }, () =>
    Array.from({ length: ILP }, () => new Float64Array(width)),
  )
  const load = (row: number) => {
    for (let k = 0; k < ILP; k++)
      for (let l = 0; l < width; l++)
        acc[0]![k]![l] = f(acc[0]![k]![l]! + x[(row * ILP + k) * width + l]!)
  }
  let i = 0
  while (i + levelStep <= rows) {
    for (let j = 0; j < levelStep; j++, i++) load(i)
    for (let j = 1; j < LEVELS; j++) {
      for (let k = 0; k < ILP; k++)
        for (let l = 0; l < width; l++) {
          acc[j]![k]![l] = f(acc[j]![k]![l]! + acc[j - 1]![k]![l]!)
          acc[j - 1]![k]![l] = 0
        }
      if ((i & (levelMask * 2 ** (j * levelPower))) !== 0) break
    }
  }
  for (; i < rows; i++) load(i)
  for (let j = 1; j < LEVELS; j++)
    for (let k = 0; k < ILP; k++)
      for (let l = 0; l < width; l++) acc[0]![k]![l] = f(acc[0]![k]![l]! + acc[j]![k]![l]!)
  return acc[0]!
}

function ceilLog2(n: number): number {
  return n <= 1 ? 0 : Math.ceil(Math.log2(n))
}

/** row_sum over `items` items of `width` lanes: four interleaved partial sums, the rest, then combined. */
function rowSum(x: ArrayLike<number>, width: number, items: number): Acc {
  const rows = Math.floor(items / ILP)
  const partial = multiRowSum(x, width, rows)
  for (let i = rows * ILP; i < items; i++)
    for (let l = 0; l < width; l++) partial[0]![l] = f(partial[0]![l]! + x[i * width + l]!)
  for (let k = 1; k < ILP; k++)
    for (let l = 0; l < width; l++) partial[0]![l] = f(partial[0]![l]! + partial[k]![l]!)
  return partial[0]!
}

/** torch.sum of float32 values in this order, as a float32. */
export function pytorchSumFloat32(x: ArrayLike<number>): number {
  const n = x.length
  let total: number
  if (n < LANES) {
    total = rowSum(x, 1, n)[0]!
  } else {
    const vectors = Math.floor(n / LANES)
    const lanes = rowSum(x, LANES, vectors)
    total = 0
    for (let k = vectors * LANES; k < n; k++) total = f(total + x[k]!)
    for (let l = 0; l < LANES; l++) total = f(total + lanes[l]!)
  }
  return f(0 + total)
}
