import { describe, expect, it } from 'vitest'
import { add, linspace, mul, pow, relu, sum, tensor } from './index'

/** The lab "Differentiation in PyTorch", step by step, with the values PyTorch prints. */
describe('the lab’s steps', () => {
  it('1: y = x² at 2 → 4, dy/dx = 4', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = pow(x, 2)
    y.backward()
    expect(y.item()).toBe(4)
    expect(x.grad?.item()).toBe(4)
  })

  it('2: y = x² + 2x + 1 at 2 → 9, dy/dx = 6', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = add(add(pow(x, 2), mul(2, x)), 1)
    y.backward()
    expect(y.item()).toBe(9)
    expect(x.grad?.item()).toBe(6)
  })

  it('3: y = 2x³ + x at 1 → 3, dy/dx = 7', () => {
    const x = tensor(1, { requiresGrad: true })
    const y = add(mul(2, pow(x, 3)), x)
    y.backward()
    expect(y.item()).toBe(3)
    expect(x.grad?.item()).toBe(7)
  })

  it('4: f = uv + u² at (1, 2) → 3, ∂f/∂u = 4, ∂f/∂v = 1', () => {
    const u = tensor(1, { requiresGrad: true })
    const v = tensor(2, { requiresGrad: true })
    const f = add(mul(u, v), pow(u, 2))
    f.backward()
    expect(f.item()).toBe(3)
    expect(u.grad?.item()).toBe(4)
    expect(v.grad?.item()).toBe(1)
  })

  it('5: sum(x²) over linspace(−10, 10, 10) → x.grad = 2x', () => {
    const x = linspace(-10, 10, 10, { requiresGrad: true })
    sum(pow(x, 2)).backward()
    expect(x.grad?.toArray()).toEqual(x.toArray().map((value) => 2 * value))
  })

  it('6: sum(relu(x)) over linspace(−3, 3, 100) → grad 0 left of 0, 1 right of 0', () => {
    const x = linspace(-3, 3, 100, { requiresGrad: true })
    sum(relu(x)).backward()
    const values = x.toArray()
    const grads = x.grad!.toArray()
    expect(values.includes(0)).toBe(false)
    values.forEach((value, i) => expect(grads[i]).toBe(value < 0 ? 0 : 1))
    expect(grads.filter((g) => g === 1)).toHaveLength(50)
  })

  it('7: f = uv + (uv)² at (2, 1) → 6, ∂f/∂u = 5, ∂f/∂v = 10', () => {
    const u = tensor(2, { requiresGrad: true })
    const v = tensor(1, { requiresGrad: true })
    const uv = mul(u, v)
    const f = add(uv, pow(uv, 2))
    f.backward()
    expect(f.item()).toBe(6)
    expect(u.grad?.item()).toBe(5)
    expect(v.grad?.item()).toBe(10)
  })
})
