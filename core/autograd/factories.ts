import { numel, type Shape } from './shape'
import { Tensor } from './tensor'

export interface LeafOptions {
  /** Track operations on this leaf so `backward()` fills its `.grad`. */
  requiresGrad?: boolean
}

/**
 * `torch.tensor`: a number makes a scalar (shape `[]`), an array a vector. Values are copied. As in
 * PyTorch, a factory honours `requiresGrad` even inside `noGrad`: only op results stop requiring grad.
 */
export function tensor(values: number | ArrayLike<number>, options: LeafOptions = {}): Tensor {
  const requiresGrad = options.requiresGrad ?? false
  if (typeof values === 'number') return new Tensor(Float64Array.of(values), [], null, requiresGrad)
  const data = Float64Array.from(values)
  return new Tensor(data, [data.length], null, requiresGrad)
}

export function full(shape: Shape, value: number, options: LeafOptions = {}): Tensor {
  return new Tensor(new Float64Array(numel(shape)).fill(value), shape, null, options.requiresGrad)
}

export function zeros(shape: Shape, options: LeafOptions = {}): Tensor {
  return full(shape, 0, options)
}

export function ones(shape: Shape, options: LeafOptions = {}): Tensor {
  return full(shape, 1, options)
}

/**
 * `torch.linspace(start, end, steps)`: `steps` evenly spaced values from `start` to `end` inclusive.
 * Like PyTorch's CPU kernel, the first half counts up from `start` and the second half down from `end`,
 * so both ends are exact and the values are symmetric about the middle.
 */
export function linspace(
  start: number,
  end: number,
  steps: number,
  options: LeafOptions = {},
): Tensor {
  if (!Number.isInteger(steps) || steps < 0) {
    throw new Error(`number of steps must be a non-negative integer, got ${steps}`)
  }
  const data = new Float64Array(steps)
  if (steps === 1) data[0] = start
  if (steps > 1) {
    const step = (end - start) / (steps - 1)
    const halfway = Math.floor(steps / 2)
    for (let i = 0; i < steps; i++) {
      data[i] = i < halfway ? start + step * i : end - step * (steps - i - 1)
    }
  }
  return new Tensor(data, [steps], null, options.requiresGrad)
}
