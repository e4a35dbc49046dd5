import { describe, expect, it } from 'vitest'
import {
  add,
  clamp,
  expand,
  linspace,
  maximum,
  mean,
  mul,
  sub,
  sum,
  sumTo,
  tensor,
  where,
  gt,
} from './index'

describe('broadcasting a scalar against a vector', () => {
  it('broadcasts on either side and sums the gradient back to the scalar (sum_to)', () => {
    const s = tensor(3, { requiresGrad: true })
    const v = tensor([1, 2, 4], { requiresGrad: true })
    const left = mul(s, v)
    const right = sub(v, s)
    expect(left.shape).toEqual([3])
    expect(left.toArray()).toEqual([3, 6, 12])
    expect(right.toArray()).toEqual([-2, -1, 1])
    sum(add(left, right)).backward()
    expect(s.grad?.shape).toEqual([])
    expect(s.grad?.item()).toBe(1 + 2 + 4 - 3)
    expect(v.grad?.toArray()).toEqual([4, 4, 4])
  })

  it('broadcasts a one-element vector like PyTorch, and its gradient keeps shape [1]', () => {
    const one = tensor([2], { requiresGrad: true })
    const v = tensor([1, 2, 3])
    sum(mul(one, v)).backward()
    expect(one.grad?.shape).toEqual([1])
    expect(one.grad?.toArray()).toEqual([6])
  })

  it('broadcasts a scalar against a one-element vector, each gradient in its own shape', () => {
    const s = tensor(2, { requiresGrad: true })
    const one = tensor([5], { requiresGrad: true })
    const product = mul(s, one)
    expect(product.shape).toEqual([1])
    sum(product).backward()
    expect(s.grad?.shape).toEqual([])
    expect(s.grad?.item()).toBe(5)
    expect(one.grad?.shape).toEqual([1])
    expect(one.grad?.toArray()).toEqual([2])
  })

  it('broadcasts in ternary ops: clamp with scalar bounds, where with a scalar branch', () => {
    const x = linspace(-2, 2, 5, { requiresGrad: true })
    const lo = tensor(-1, { requiresGrad: true })
    const hi = tensor(1, { requiresGrad: true })
    sum(clamp(x, lo, hi)).backward()
    expect(x.grad?.toArray()).toEqual([0, 1, 1, 1, 0])
    expect(lo.grad?.item()).toBe(1)
    expect(hi.grad?.item()).toBe(1)
    const s = tensor(7, { requiresGrad: true })
    const y = where(gt(x, 0), x, s)
    expect(y.toArray()).toEqual([7, 7, 7, 1, 2])
    sum(y).backward()
    expect(s.grad?.item()).toBe(3)
  })

  it('gives both sides of a tie half the gradient, summed back to a broadcast scalar', () => {
    const v = tensor([0, 1, 2], { requiresGrad: true })
    const s = tensor(1, { requiresGrad: true })
    sum(maximum(v, s)).backward()
    expect(v.grad?.toArray()).toEqual([0, 0.5, 1])
    expect(s.grad?.item()).toBe(1.5)
  })

  it('rejects vectors of different lengths with PyTorch’s message', () => {
    expect(() => add(tensor([1, 2]), tensor([1, 2, 3]))).toThrow(
      'The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0',
    )
  })

  it('expands and sums to shapes, each the other’s adjoint', () => {
    const s = tensor(2, { requiresGrad: true })
    const e = expand(s, [4])
    expect(e.toArray()).toEqual([2, 2, 2, 2])
    sum(mul(e, tensor([1, 2, 3, 4]))).backward()
    expect(s.grad?.item()).toBe(10)
    const v = tensor([1, 2, 3], { requiresGrad: true })
    const total = sumTo(v, [])
    expect(total.item()).toBe(6)
    total.backward()
    expect(v.grad?.toArray()).toEqual([1, 1, 1])
  })

  it('takes the mean with gradient 1/n, and NaN for an empty tensor', () => {
    const v = tensor([1, 2, 3, 6], { requiresGrad: true })
    const m = mean(v)
    m.backward()
    expect(m.item()).toBe(3)
    expect(v.grad?.toArray()).toEqual([0.25, 0.25, 0.25, 0.25])
    expect(mean(tensor([])).item()).toBeNaN()
    expect(sum(tensor([])).item()).toBe(0)
  })
})

describe('linspace', () => {
  it('hits both ends exactly and is symmetric about the middle, as PyTorch’s two-sided formula', () => {
    const values = linspace(-10, 10, 10).toArray()
    expect(values[0]).toBe(-10)
    expect(values[9]).toBe(10)
    values.forEach((value, i) => expect(value).toBe(-values[9 - i]!))
    values.slice(1).forEach((value, i) => expect(value - values[i]!).toBeCloseTo(20 / 9, 12))
    expect(linspace(0, 1, 1).toArray()).toEqual([0])
    expect(linspace(0, 1, 0).toArray()).toEqual([])
    expect(() => linspace(0, 1, -1)).toThrow('number of steps must be a non-negative integer')
  })
})
