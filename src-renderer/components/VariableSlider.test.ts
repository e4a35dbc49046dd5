import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import VariableSlider from './VariableSlider.vue'

const state = { value: 2, min: -5, max: 5, step: 0.1 }
const mountSlider = () => mount(VariableSlider, { props: { name: 'x', state, used: true } })

describe('VariableSlider', () => {
  it('is labelled by its variable and announces its value', () => {
    const wrapper = mountSlider()
    const range = wrapper.get('input[type="range"]')
    expect(wrapper.get(`label[for="${range.attributes('id')}"]`).text()).toBe('x')
    expect(range.attributes('aria-valuetext')).toBe('x = 2')
  })

  it('steps coarse with Shift and fine with Alt', async () => {
    const wrapper = mountSlider()
    const range = wrapper.get('input[type="range"]')
    await range.trigger('keydown', { key: 'ArrowRight', shiftKey: true })
    await range.trigger('keydown', { key: 'ArrowLeft', altKey: true })
    await range.trigger('keydown', { key: 'ArrowUp' })
    expect(wrapper.emitted('value')).toEqual([[3], [1.99], [2.1]])
  })

  it('takes a typed value, range and step, and restores a field holding no number', async () => {
    const wrapper = mountSlider()
    await wrapper.get('input[aria-label="x value"]').setValue('3.5')
    await wrapper.get('input[aria-label="x maximum"]').setValue('10')
    await wrapper.get('input[aria-label="x step"]').setValue('0.5')
    const minimum = wrapper.get('input[aria-label="x minimum"]')
    await minimum.setValue('abc')
    expect(wrapper.emitted('value')).toEqual([[3.5]])
    expect(wrapper.emitted('range')).toEqual([[-5, 10]])
    expect(wrapper.emitted('step')).toEqual([[0.5]])
    expect((minimum.element as HTMLInputElement).value).toBe('-5')
  })
})
