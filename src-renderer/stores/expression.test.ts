import { beforeEach, describe, expect, it } from 'vitest'
import type { FakeClient } from '../test-support/fake-client'
import { endsInWordInProgress, useExpressionStore } from './expression'
import { freshStores } from '../test-support/stores'

let client: FakeClient
beforeEach(() => {
  client = freshStores()
})

describe('expression store', () => {
  it('learns the variables of a valid function', async () => {
    const expression = useExpressionStore()
    await expression.setText('u*v + u^2')
    expect(expression.isValid).toBe(true)
    expect(expression.variables).toEqual(['u', 'v'])
    expect(expression.validText).toBe('u*v + u^2')
  })

  it('keeps the last valid function while the input is invalid', async () => {
    const expression = useExpressionStore()
    await expression.setText('x^2')
    await expression.setText('x^^2')
    expect(expression.isValid).toBe(false)
    expect(expression.diagnostics[0]?.span).toEqual([2, 3])
    expect(expression.validText).toBe('x^2')
  })

  it('drops an answer about text that has since changed', async () => {
    const expression = useExpressionStore()
    const stale = expression.setText('x^^2')
    const fresh = expression.setText('x^2')
    await Promise.all([stale, fresh])
    expect(expression.diagnostics).toEqual([])
    expect(client.analyses.map((a) => a.expression)).toEqual(['x^^2', 'x^2'])
  })

  it('applies a one-click fix to the span it names', async () => {
    const expression = useExpressionStore()
    await expression.setText('x^^2')
    await expression.applyFix({ label: 'Remove', span: [2, 3], replacement: '' })
    expect(expression.text).toBe('x^2')
    expect(expression.isValid).toBe(true)
  })

  it('marks what stays on screen as stale while the input is invalid, and only then', async () => {
    const expression = useExpressionStore()
    await expression.setText('x^2')
    expect(expression.staleText).toBeNull()
    await expression.setText('x^^2')
    expect(expression.staleText).toBe('x^2')
    await expression.setText('u*v + u^2')
    expect(expression.staleText).toBeNull()
  })

  it('refuses a text longer than the limit whole, with a diagnostic at the limit, never cut', async () => {
    const expression = useExpressionStore()
    await expression.setText('x^2')
    const long = 'x + '.repeat(300) + 'y'
    await expression.setText(long)
    expect(expression.text).toBe(long)
    expect(expression.validText).toBe('x^2')
    expect(expression.diagnostics).toEqual([
      {
        code: 'expression-too-long',
        message: `The expression is ${long.length} characters long; the limit is 1000.`,
        span: [1000, long.length],
      },
    ])
    expect(expression.variables).not.toContain('y')
  })

  it.each([
    ['f', true],
    ['flo', true],
    ['2x + s', true],
    ['torch.s', true],
    ['x', false],
    ['floor(x)', false],
    ['x^2', false],
    ['u*v', false],
  ])('takes %j as a word still being typed: %s', (text, inProgress) => {
    expect(endsInWordInProgress(text)).toBe(inProgress)
  })
})
