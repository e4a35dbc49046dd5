/** A tensor's shape: a scalar `[]` or a vector `[n]`. Higher ranks are not needed by the lab. */
export type Shape = readonly [] | readonly [number]

export const SCALAR_SHAPE: Shape = []

export function numel(shape: Shape): number {
  return shape.length === 0 ? 1 : shape[0]
}

export function sameShape(a: Shape, b: Shape): boolean {
  return a.length === b.length && (a.length === 0 || a[0] === b[0])
}

/** Printed as PyTorch prints sizes, so messages read the same: `[]`, `[3]`. */
export function formatShape(shape: Shape): string {
  return `[${shape.join(', ')}]`
}

/**
 * PyTorch's broadcasting, restricted to rank ≤ 1: a scalar `[]` stretches to any shape, a vector of
 * size 1 stretches to any vector, and two vectors must otherwise agree.
 */
export function broadcastShapes(shapes: readonly Shape[]): Shape {
  let result: Shape = SCALAR_SHAPE
  for (const shape of shapes) {
    if (shape.length === 0) continue
    if (result.length === 0 || result[0] === 1) {
      result = shape
    } else if (shape[0] !== 1 && shape[0] !== result[0]) {
      throw new Error(
        `The size of tensor a (${result[0]}) must match the size of tensor b (${shape[0]}) at non-singleton dimension 0`,
      )
    }
  }
  return result
}

/** Whether a tensor of shape `from` can be broadcast (expanded) to `to`. */
export function isExpandableTo(from: Shape, to: Shape): boolean {
  if (from.length === 0) return true
  return to.length === 1 && (from[0] === 1 || from[0] === to[0])
}
