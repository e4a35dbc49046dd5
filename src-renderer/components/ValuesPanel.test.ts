import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { EvaluateRequest } from '../../core/protocol/api'
import { evaluateKnown } from '../test-support/fake-client'
import ValuesPanel from './ValuesPanel.vue'

function panelFor(expression: string, point: Record<string, number>, wrt: string) {
  const request: EvaluateRequest = { expression, point, wrt, domain: [-5, 5], samples: 11 }
  const answer = evaluateKnown(request)
  if (!answer.ok) throw new Error('the fake core knows this function')
  return mount(ValuesPanel, { props: { result: answer.value, request } })
}

describe('ValuesPanel', () => {
  it('shows f = 4, f′ = 4 and y = 4x − 4 for x² at x = 2, in a live region', () => {
    const wrapper = panelFor('x^2', { x: 2, u: 1, v: 2 }, 'x')
    expect(wrapper.get('[data-testid="value-f"]').text()).toBe('4')
    expect(wrapper.get('[data-testid="value-slope"]').text()).toBe('4')
    expect(wrapper.get('[data-testid="tangent-equation"]').text()).toBe('y = 4x − 4')
    expect(wrapper.find('[aria-live="polite"]').exists()).toBe(true)
    expect(wrapper.find('.katex').exists()).toBe(true)
  })

  it('lists every partial, as the .grad of each variable', () => {
    const wrapper = panelFor('u*v + u^2', { x: 2, u: 1, v: 2 }, 'u')
    expect(wrapper.get('[data-testid="partial-u"]').text()).toBe('4')
    expect(wrapper.get('[data-testid="partial-v"]').text()).toBe('1')
    expect(wrapper.text()).toContain('u.grad')
    // x has requires_grad but is not in the graph: PyTorch leaves its grad at None.
    expect(wrapper.get('[data-testid="partial-x"]').text()).toBe('None')
    expect(wrapper.get('.values-at').text()).toBe('at u = 1, v = 2')
  })

  it('keeps the slopes of an open practice question to itself until asked', async () => {
    const request: EvaluateRequest = {
      expression: 'x^2',
      point: { x: 3 },
      wrt: 'x',
      domain: [-5, 5],
      samples: 11,
    }
    const answer = evaluateKnown(request)
    if (!answer.ok) throw new Error('the fake core knows this function')
    const wrapper = mount(ValuesPanel, {
      props: { result: answer.value, request, hideGradient: true },
    })
    expect(wrapper.get('[data-testid="value-f"]').text()).toBe('9')
    for (const hidden of ['value-slope', 'partial-x', 'tangent-equation']) {
      expect(wrapper.find(`[data-testid="${hidden}"]`).exists()).toBe(false)
    }
    expect(wrapper.text()).not.toContain('6')
    await wrapper.get('[data-testid="reveal-gradient"]').trigger('click')
    expect(wrapper.emitted('reveal')).toHaveLength(1)
  })

  it('shows beside each value what print() shows in PyTorch', () => {
    const wrapper = panelFor('u*v + u^2', { x: 2, u: 1, v: 2 }, 'u')
    expect(wrapper.get('[data-testid="printed-f"]').text()).toBe('tensor(3.)')
    expect(wrapper.get('[data-testid="printed-u"]').text()).toBe('tensor(4.)')
  })

  it('marks the values as those of the last valid function while the input is invalid', () => {
    const request: EvaluateRequest = {
      expression: 'x^2',
      point: { x: 2 },
      wrt: 'x',
      domain: [-5, 5],
      samples: 11,
    }
    const answer = evaluateKnown(request)
    if (!answer.ok) throw new Error('the fake core knows this function')
    const wrapper = mount(ValuesPanel, { props: { result: answer.value, request, stale: 'x^2' } })
    expect(wrapper.get('[data-testid="stale-notice"]').text()).toBe(
      'showing x^2 — fix the input to update',
    )
  })

  it('shows a convention note next to f′, its full text in the note, and a point of interest', () => {
    const request: EvaluateRequest = {
      expression: 'x^2',
      point: { x: 0 },
      wrt: 'x',
      domain: [-5, 5],
      samples: 11,
    }
    const answer = evaluateKnown(request)
    if (!answer.ok) throw new Error('the fake core knows this function')
    const note = {
      code: 'kink' as const,
      variable: 'x',
      message: 'abs has a corner here (left −1, right 1).',
      detail: 'PyTorch returns 0: derivatives.yaml has abs: grad * self.sgn().',
      left: -1,
      right: 1,
    }
    const result = {
      ...answer.value,
      notes: [note],
      interest: [{ kind: 'minimum' as const, at: 0, value: 0 }],
    }
    const wrapper = mount(ValuesPanel, { props: { result, request } })
    const shown = wrapper.get('[data-testid="note-x"]')
    expect(shown.attributes('data-code')).toBe('kink')
    expect(shown.attributes('tabindex')).toBe('0')
    expect(shown.text()).toContain('abs has a corner here (left −1, right 1).')
    expect(shown.get('.note-detail').text()).toContain('derivatives.yaml')
    expect(wrapper.get('[data-testid="point-interest"]').text()).toBe('f′ = 0: a local minimum')
  })

  it('shows no note at an ordinary point', () => {
    const wrapper = panelFor('x^2', { x: 2 }, 'x')
    expect(wrapper.find('[data-testid^="note-"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="point-interest"]').exists()).toBe(false)
  })

  it('invites to type a function when there is no result', () => {
    const wrapper = mount(ValuesPanel, { props: { result: null, request: null } })
    expect(wrapper.text()).toContain('Type a function')
  })
})
