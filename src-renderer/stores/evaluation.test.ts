import { beforeEach, describe, expect, it } from 'vitest'
import type { FakeClient } from '../test-support/fake-client'
import { useEvaluationStore } from './evaluation'
import { useExpressionStore } from './expression'
import { freshStores, settle } from '../test-support/stores'
import { useVariablesStore } from './variables'
import { useViewStore } from './view'

let client: FakeClient
beforeEach(() => {
  client = freshStores()
})

describe('evaluation store', () => {
  it('evaluates x² at x = 2: f = 4, slope 4, tangent y = 4x − 4', async () => {
    const evaluation = useEvaluationStore()
    await useExpressionStore().analyze()
    await evaluation.idle()
    expect(evaluation.result?.value).toBe(4)
    expect(evaluation.result?.tangent).toEqual({ slope: 4, intercept: -4 })
    expect(evaluation.answered?.samples).toBe(useViewStore().samples)
  })

  it('sends at most one request at a time and only the newest state after it', async () => {
    const evaluation = useEvaluationStore()
    await useExpressionStore().analyze()
    await evaluation.idle()
    let open!: () => void
    client.gate = new Promise((resolve) => (open = resolve))
    const variables = useVariablesStore()
    for (const x of [2.1, 2.2, 2.3, 2.4]) {
      variables.setValue('x', x)
      await settle()
    }
    // x = 2.1 is in flight; 2.2 and 2.3 were superseded by 2.4 before they could be sent.
    expect(client.evaluations.map((r) => r.point.x)).toEqual([2, 2.1])
    client.gate = null
    open()
    await evaluation.idle()
    expect(client.evaluations.map((r) => r.point.x)).toEqual([2, 2.1, 2.4])
    expect(evaluation.result?.value).toBeCloseTo(5.76)
  })

  it('keeps the last plot when the core answers with diagnostics', async () => {
    const evaluation = useEvaluationStore()
    const expression = useExpressionStore()
    await expression.analyze()
    await evaluation.idle()
    // The core may refuse a function the parser accepted (here: the fake knows only a few).
    expression.validText = 'unknown'
    await evaluation.idle()
    expect(evaluation.diagnostics).toHaveLength(1)
    expect(evaluation.result?.value).toBe(4)
  })

  it('samples two points per pixel of the plot and follows the plotted variable', async () => {
    const evaluation = useEvaluationStore()
    await useExpressionStore().setText('u*v + u^2')
    useViewStore().setPlotWidth(300)
    useVariablesStore().setWrt('u')
    await evaluation.idle()
    expect(evaluation.answered).toMatchObject({ wrt: 'u', samples: 600 })
    expect(evaluation.result?.gradient).toEqual({ u: 4, v: 1 })
  })
})
