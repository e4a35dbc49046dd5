import { beforeEach, describe, expect, it } from 'vitest'
import type { LessonStep } from '../lessons/types'
import { freshStores } from '../test-support/stores'
import type { FakeClient } from '../test-support/fake-client'
import { useLabLiveValuesStore } from './lab-live-values'

/** f = x² at x = 2 over five points, which the fake core evaluates exactly. */
const step: LessonStep = {
  id: 'square',
  title: 'Square',
  summary: '',
  explanation: [],
  torch: '',
  plots: [
    { label: 'Show me', expression: 'x^2', point: { x: 2 }, wrt: 'x', domain: [-2, 2], samples: 5 },
  ],
  stated: [
    { kind: 'value', plot: 0, equals: 4 },
    { kind: 'partial', plot: 0, variable: 'x', equals: 5 },
    { kind: 'gradient-series', plot: 0, expression: 'x^2', description: 'x.grad is x²' },
  ],
}

let core: FakeClient
beforeEach(() => {
  core = freshStores()
})

describe('the lab live values store', () => {
  it('asks the core for every stated number and says which ones hold', async () => {
    const live = useLabLiveValuesStore()
    await live.show(step)
    expect(live.rows).toEqual([
      { label: 'f at x = 2', value: '4', holds: true },
      { label: '∂f/∂x (x.grad) at x = 2', value: '4', holds: false },
    ])
    expect(live.tables).toHaveLength(1)
    expect(live.tables[0]?.holds).toBe(false)
    expect(live.tables[0]?.rows.map((row) => [row.x, row.grad])).toEqual([
      ['-2.', '-4.'],
      ['-1.', '-2.'],
      ['0.', '0.'],
      ['1.', '2.'],
      ['2.', '4.'],
    ])
    expect(live.failure).toBeNull()
  })

  it('keeps the answers of a step the learner already left to itself', async () => {
    const live = useLabLiveValuesStore()
    let release = () => {}
    core.gate = new Promise((resolve) => (release = resolve))
    const leaving = live.show(step)
    const broken = { ...step, plots: [{ ...step.plots[0]!, expression: 'x^^2' }] }
    core.gate = null
    await live.show(broken)
    release()
    await leaving
    expect([live.rows, live.failure]).toEqual([[], "Expected a value but found '^'."])
  })
})
