import { describe, expect, it } from 'vitest'
import { LABS } from '../lessons'
import { printedGradient, startingSource } from './lab-cells'

describe("a lab step's cell", () => {
  const steps = LABS[0]!.steps

  it("starts with the lab's code, bug included", () => {
    const partials = steps.find((step) => step.id === 'partials-uv')!
    expect(startingSource(partials)).toBe(partials.torch)
    expect(startingSource(partials)).not.toContain('u = torch.tensor')
  })

  it('leaves the answer of a practice step to write', () => {
    const practice = steps.find((step) => step.id === 'practice-cubic')!
    const source = startingSource(practice)
    expect(source).toContain('x = torch.tensor(1.0, requires_grad=True)')
    expect(source).not.toContain('backward()\n')
    expect(source).toContain('print(x.grad)')
  })
})

describe('reading the printed gradient', () => {
  it.each([
    ['tensor(7.)\n', 7],
    ['The derivative: tensor(-1.5000)\n', -1.5],
    ['tensor(6., grad_fn=<AddBackward0>)\ntensor(13.)\n', 13],
    ['13.0\n', 13],
    ['tensor(1.0000e-05)\n', 1e-5],
  ])('%j is %d', (printed, value) => {
    expect(printedGradient(printed)).toBe(value)
  })

  it('is null when nothing numeric was printed', () => {
    expect(printedGradient('')).toBeNull()
    expect(printedGradient('None\n')).toBeNull()
  })
})
