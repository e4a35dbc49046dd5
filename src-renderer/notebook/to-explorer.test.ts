import { describe, expect, it } from 'vitest'
import { LABS } from '../lessons'
import { explorerExpression, explorerPlotOf } from './to-explorer'

describe('Open in explorer', () => {
  it("reads step 1's cell as x^2 at x = 2", () => {
    expect(
      explorerPlotOf('x = torch.tensor(2.0, requires_grad=True)\ny = x ** 2\ny.backward()'),
    ).toEqual({
      expression: 'x^2',
      point: { x: 2 },
      wrt: 'x',
      domain: [-2, 6],
      yRange: null,
      samples: null,
      showSecond: false,
    })
  })

  it('takes the function, not the sum trick, and the linspace as the samples', () => {
    const plot = explorerPlotOf(
      'x = torch.linspace(-10, 10, 10, requires_grad=True)\nY = x ** 2\ny = torch.sum(x ** 2)',
    )
    expect(plot).toMatchObject({ expression: 'x^2', wrt: 'x', domain: [-10, 10], samples: 10 })
    expect(
      explorerPlotOf('x = torch.linspace(-3, 3, 100)\nY = F.relu(x)\ny = Y.sum()'),
    ).toMatchObject({ expression: 'relu(x)', samples: 100 })
  })

  it('has no plot where the function is not defined by the cell', () => {
    // The lab's partial-derivative cell as written: u and v are never created.
    expect(explorerPlotOf('f = u * v + u ** 2\nf.backward()')).toBeNull()
    expect(explorerPlotOf('print("hello")')).toBeNull()
    expect(explorerPlotOf('x = torch.tensor(2.0)\ny = x.grad')).toBeNull()
  })

  it('translates torch and F calls, refuses attribute reads', () => {
    expect(explorerExpression('torch.sin(x) * 2')).toBe('sin(x) * 2')
    expect(explorerExpression('x.grad * 2')).toBeNull()
  })

  it('every lab step whose cell defines its function opens it', () => {
    const lab = LABS[0]!
    // Its samples are torch.arange(-50, 51) * 3 / 50 (so that one lands exactly on 0), which this reader
    // does not take for a plotted range.
    const fromArange = ['autograd-and-the-derivative']
    for (const step of lab.steps) {
      const plot = explorerPlotOf(step.pitfall?.fixed ?? step.torch)
      if (fromArange.includes(step.id)) expect(plot, step.id).toBeNull()
      else expect(plot, step.id).not.toBeNull()
    }
  })
})
