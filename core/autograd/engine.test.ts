import { describe, expect, it } from 'vitest'
import {
  add,
  enableGrad,
  grad,
  isGradEnabled,
  MESSAGES,
  mul,
  noGrad,
  ones,
  pow,
  sin,
  sum,
  tensor,
  Tensor,
} from './index'

/** Reads `.grad` through a call, so TypeScript does not keep a narrowing from `x.grad = null`. */
const gradValue = (t: Tensor): number | undefined => t.grad?.item()

const FREED =
  /^Trying to backward through the graph a second time \(or directly access saved tensors/

describe('backward: PyTorch semantics', () => {
  it('runs the nodes in the order PyTorch does: the one created last first', () => {
    // a, b, c are made in that order and added as (c + b) + a: a depth-first walk from the output
    // would run a first, PyTorch's engine runs c (checked with hooks in PyTorch 1.13), and so the
    // gradient at x is (3 + 5) + 2, summed in that order.
    const x = tensor(0.1, { requiresGrad: true })
    const a = mul(x, 2)
    const b = mul(x, 3)
    const c = mul(x, 5)
    const ran: Tensor[] = []
    const cb = add(c, b)
    const y = add(cb, a)
    y.backward({ onStep: (step) => ran.push(step.output) })
    expect(ran).toEqual([y, cb, c, b, a])
  })

  it('refuses to create the gradient of a non-scalar output implicitly', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true })
    expect(() => mul(x, 2).backward()).toThrow(
      new Error('grad can be implicitly created only for scalar outputs'),
    )
  })

  it('takes an explicit gradient for a non-scalar output, which must match its shape', () => {
    const x = tensor([1, 2, 3], { requiresGrad: true })
    mul(x, x).backward({ gradient: tensor([1, 10, 100]) })
    expect(x.grad?.toArray()).toEqual([2, 40, 600])
    expect(() => mul(x, x).backward({ gradient: tensor([1, 1]) })).toThrow(
      'Mismatch in shape: grad_output[0] has a shape of [2] and output[0] has a shape of [3].',
    )
  })

  it('accepts a one-element vector output as PyTorch does (numel 1)', () => {
    const x = tensor([3], { requiresGrad: true })
    mul(x, x).backward()
    expect(x.grad?.toArray()).toEqual([6])
  })

  it('frees the graph after backward, so a second backward throws PyTorch’s message', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = mul(x, x)
    y.backward()
    expect(() => y.backward()).toThrow(FREED)
    expect(() => y.backward()).toThrow(MESSAGES.backwardTwice)
  })

  it('backpropagates twice with retainGraph, accumulating both passes', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = pow(x, 2)
    y.backward({ retainGraph: true })
    y.backward()
    expect(x.grad?.item()).toBe(8)
    expect(() => y.backward()).toThrow(FREED)
  })

  it('lets a graph that saved nothing (add, sum) run twice, as PyTorch does', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const y = sum(add(x, 1))
    y.backward()
    y.backward()
    expect(x.grad?.toArray()).toEqual([2, 2])
  })

  it('accumulates .grad across backward calls on separate graphs', () => {
    const x = tensor(2, { requiresGrad: true })
    mul(x, 3).backward()
    mul(x, x).backward()
    expect(x.grad?.item()).toBe(3 + 4)
    x.grad = null
    mul(x, 5).backward()
    expect(gradValue(x)).toBe(5)
  })

  it('does not alias the gradient it stores with the seed or another leaf', () => {
    const x = tensor(1, { requiresGrad: true })
    const seed = tensor(1)
    x.backward({ gradient: seed })
    x.backward({ gradient: seed })
    expect(x.grad?.item()).toBe(2)
    expect(seed.item()).toBe(1)
  })

  it('leaves grad null on a leaf the output does not depend on, and on leaves without requiresGrad', () => {
    const x = tensor(2, { requiresGrad: true })
    const unused = tensor(5, { requiresGrad: true })
    const constant = tensor(3)
    mul(x, constant).backward()
    expect(x.grad?.item()).toBe(3)
    expect(unused.grad).toBeNull()
    expect(constant.grad).toBeNull()
  })

  it('does not retain gradients of non-leaves, unless retainGrad() asks', () => {
    const x = tensor(3, { requiresGrad: true })
    const h = mul(x, 2)
    const k = mul(x, 2)
    k.retainGrad()
    mul(h, k).backward()
    expect(h.isLeaf).toBe(false)
    expect(h.grad).toBeNull()
    expect(k.grad?.item()).toBe(6)
    expect(x.grad?.item()).toBe(24)
  })

  it('throws PyTorch’s message for backward on a tensor outside any graph', () => {
    expect(() => mul(tensor(2), 3).backward()).toThrow(MESSAGES.outputWithoutGrad)
  })

  it('survives a deep graph without overflowing the stack', () => {
    const x = tensor(0, { requiresGrad: true })
    let y: Tensor = x
    for (let i = 0; i < 20000; i++) y = add(y, x)
    y.backward()
    expect(x.grad?.item()).toBe(20001)
  })
})

describe('createGraph: differentiating the backward pass', () => {
  it('gives d²/dx² x³ = 6x = 12 at 2 through .grad', () => {
    const x = tensor(2, { requiresGrad: true })
    pow(x, 3).backward({ createGraph: true })
    const first = x.grad!
    expect(first.item()).toBe(12)
    expect(first.gradFn).not.toBeNull()
    x.grad = null
    first.backward()
    expect(gradValue(x)).toBe(12)
  })

  it('gives d²/dx² sin x = −sin x at 1 through grad()', () => {
    const x = tensor(1, { requiresGrad: true })
    const [first] = grad(sin(x), [x], { createGraph: true })
    const [second] = grad(first!, [x])
    expect(first!.item()).toBeCloseTo(Math.cos(1), 15)
    expect(second!.item()).toBeCloseTo(-Math.sin(1), 15)
  })

  it('retains the graph by default under createGraph (retain_graph defaults to create_graph)', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = mul(x, x)
    y.backward({ createGraph: true })
    y.backward()
    expect(x.grad?.item()).toBe(8)
  })

  it('records nothing without createGraph, so the gradient is a plain leaf', () => {
    const x = tensor(2, { requiresGrad: true })
    mul(x, x).backward()
    expect(x.grad?.gradFn).toBeNull()
    expect(x.grad?.requiresGrad).toBe(false)
  })
})

describe('grad(): gradients without touching .grad', () => {
  it('returns ∂output/∂input for leaves and non-leaves alike', () => {
    const u = tensor(1, { requiresGrad: true })
    const v = tensor(2, { requiresGrad: true })
    const uv = mul(u, v)
    const f = add(uv, mul(uv, uv))
    const [du, dv, duv] = grad(f, [u, v, uv])
    expect([du!.item(), dv!.item(), duv!.item()]).toEqual([10, 5, 5])
    expect(u.grad).toBeNull()
    expect(v.grad).toBeNull()
  })

  it('seeds with gradOutput for a vector output', () => {
    const x = tensor([1, 2], { requiresGrad: true })
    const [dx] = grad(mul(x, x), [x], { gradOutput: ones([2]) })
    expect(dx!.toArray()).toEqual([2, 4])
  })

  it('throws for an unused input unless allowUnused', () => {
    const x = tensor(1, { requiresGrad: true })
    const unused = tensor(1, { requiresGrad: true })
    expect(() => grad(mul(x, 2), [x, unused])).toThrow(MESSAGES.unusedInput)
    const [dx, dunused] = grad(mul(x, 2), [x, unused], { allowUnused: true })
    expect(dx!.item()).toBe(2)
    expect(dunused).toBeNull()
  })

  it('throws for an input that does not require grad', () => {
    const x = tensor(1, { requiresGrad: true })
    expect(() => grad(mul(x, 2), [tensor(1)])).toThrow(MESSAGES.inputWithoutGrad)
  })

  it('frees the graph like backward does', () => {
    const x = tensor(1, { requiresGrad: true })
    const y = mul(x, x)
    grad(y, [x])
    expect(() => grad(y, [x])).toThrow(FREED)
  })
})

describe('noGrad and detach', () => {
  it('makes op results inside noGrad not require grad and record no graph', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = noGrad(() => mul(x, x))
    expect(y.requiresGrad).toBe(false)
    expect(y.gradFn).toBeNull()
    expect(y.isLeaf).toBe(true)
    expect(y.item()).toBe(4)
  })

  it('restores grad mode after the scope, even when it throws, and nests with enableGrad', () => {
    expect(() =>
      noGrad(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(isGradEnabled()).toBe(true)
    const x = tensor(2, { requiresGrad: true })
    const inner = noGrad(() => enableGrad(() => mul(x, x)))
    expect(inner.requiresGrad).toBe(true)
  })

  it('keeps an explicitly requested requiresGrad on a factory inside noGrad, as PyTorch', () => {
    const x = noGrad(() => tensor(1, { requiresGrad: true }))
    expect(x.requiresGrad).toBe(true)
  })

  it('detaches: same values, no graph, treated as a constant', () => {
    const x = tensor(3, { requiresGrad: true })
    const d = x.detach()
    expect(d.requiresGrad).toBe(false)
    expect(d.data).toBe(x.data)
    mul(d, x).backward()
    expect(x.grad?.item()).toBe(3)
  })
})

describe('Tensor', () => {
  it('reports leaf status, grad_fn names and item() as PyTorch', () => {
    const x = tensor(2, { requiresGrad: true })
    const y = mul(x, x)
    expect(x.isLeaf).toBe(true)
    expect(y.isLeaf).toBe(false)
    expect(y.gradFn?.name).toBe('MulBackward0')
    expect(String(y)).toBe('tensor(4, grad_fn=<MulBackward0>)')
    expect(() => tensor([1, 2]).item()).toThrow(
      'a Tensor with 2 elements cannot be converted to Scalar',
    )
  })

  it('lets requiresGrad change on leaves only', () => {
    const x = tensor(1)
    x.requiresGrad = true
    expect(mul(x, 2).requiresGrad).toBe(true)
    expect(() => {
      mul(x, 2).requiresGrad = false
    }).toThrow(MESSAGES.requiresGradOnNonLeaf)
  })

  it('rejects retainGrad on a tensor that does not require grad', () => {
    expect(() => tensor(1).retainGrad()).toThrow(MESSAGES.retainGradWithoutGrad)
  })

  it('rejects data that does not fit the shape', () => {
    expect(() => new Tensor(new Float64Array(2), [3])).toThrow(
      'shape [3] is invalid for input of size 2',
    )
  })
})
