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

  it('takes a typed value, range and step', async () => {
    const wrapper = mountSlider()
    await wrapper.get('input[aria-label="x value"]').setValue('3.5')
    await wrapper.get('input[aria-label="x maximum"]').setValue('10')
    await wrapper.get('input[aria-label="x step"]').setValue('0.5')
    expect(wrapper.emitted('value')).toEqual([[3.5]])
    expect(wrapper.emitted('range')).toEqual([[-5, 10]])
    expect(wrapper.emitted('step')).toEqual([[0.5]])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('reads a decimal comma: 2,5 is 2.5, never 25', async () => {
    const wrapper = mountSlider()
    const field = wrapper.get('input[aria-label="x value"]')
    await field.setValue('2,5')
    expect(wrapper.emitted('value')).toEqual([[2.5]])
    expect((field.element as HTMLInputElement).value).toBe('2.5')
  })

  it.each([
    ['x minimum', 'abc', "'abc' is not a number."],
    ['x minimum', '5', 'The minimum 5 must be below the maximum 5.'],
    ['x maximum', '-6', 'The minimum -5 must be below the maximum -6.'],
    ['x step', '0', 'The step must be above 0, not 0.'],
    ['x step', '20', 'The step 20 is larger than the range -5 to 5.'],
    ['x value', '2,5,1', "'2,5,1' is not a number: use one decimal point or comma (2.5 or 2,5)."],
  ])('refuses %s = %s with an inline message and applies nothing', async (label, text, message) => {
    const wrapper = mountSlider()
    await wrapper.get(`input[aria-label="${label}"]`).setValue(text)
    expect(wrapper.get('[role="alert"]').text()).toBe(message)
    expect(wrapper.emitted('value')).toBeUndefined()
    expect(wrapper.emitted('range')).toBeUndefined()
    expect(wrapper.emitted('step')).toBeUndefined()
  })

  it('puts the thumb exactly at a value off the step grid (no snapping by the browser)', () => {
    const wrapper = mount(VariableSlider, {
      props: { name: 'x', state: { value: 2.05, min: -5, max: 5, step: 0.3 }, used: true },
    })
    const range = wrapper.get('input[type="range"]').element as HTMLInputElement
    expect(range.value).toBe('2.05')
  })

  it('snaps a drag to the step grid', async () => {
    const wrapper = mount(VariableSlider, {
      props: { name: 'x', state: { value: 0, min: 0, max: 1, step: 0.25 }, used: true },
    })
    await wrapper.get('input[type="range"]').setValue('0.3')
    expect(wrapper.emitted('value')).toEqual([[0.25]])
  })
})
