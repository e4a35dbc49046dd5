import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { inProcessApi } from '../../core/test-support/in-process-api'
import { setCalculusClient } from '../api/calculus'
import { useCommandsStore } from '../stores/commands'
import { useExpressionStore } from '../stores/expression'
import { useLabStore } from '../stores/lab'
import { useVariablesStore } from '../stores/variables'
import { useViewStore } from '../stores/view'
import { settle } from '../test-support/stores'
import LabPanel from './LabPanel.vue'

/** The panel against the real core, in-process: the answers it checks are the core's own. */
beforeEach(() => {
  localStorage.clear()
  setActivePinia(createPinia())
  setCalculusClient(inProcessApi)
})

async function mountPanel() {
  const wrapper = mount(LabPanel, { attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('LabPanel', () => {
  it('opens on the Help menu’s command, on the list of steps', async () => {
    const wrapper = await mountPanel()
    expect(wrapper.find('[data-testid="lab-panel"]').exists()).toBe(false)
    expect(useCommandsStore().dispatch('open-lab')).toBe(true)
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-count"]').text()).toBe('0 of 8 steps done')
    expect(wrapper.findAll('.lab-step-link')).toHaveLength(8)
    wrapper.unmount()
  })

  it('checks a practice answer with the core: a hint after a wrong try, then correct', async () => {
    const wrapper = await mountPanel()
    useLabStore().goTo('practice-cubic')
    await flushPromises()
    const answer = wrapper.find<HTMLInputElement>('[data-testid="lab-answer"]')
    await answer.setValue('6')
    await wrapper.find('form.lab-answer').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toContain('Not yet')
    expect(wrapper.find('[data-testid="lab-hint"]').exists()).toBe(true)
    // 6 is 6x² at 1: the +1 of the term x is missing, and the hint says so.
    expect(wrapper.find('[data-testid="lab-targeted-hint"]').text()).toBe(
      'You dropped the +1 that comes from the term x: every term of a sum adds its own slope.',
    )
    expect(wrapper.find('[data-testid="lab-tolerance"]').text()).toBe(
      'Answers within 0.001 count as right (within 0.1% for an answer larger than 1).',
    )
    await answer.setValue('seven')
    await wrapper.find('form.lab-answer').trigger('submit')
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toBe(
      'Type a number, for example 3 or −1.5.',
    )
    await answer.setValue('7')
    await wrapper.find('form.lab-answer').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toBe(
      'Correct: 7 is what autograd computes (x.grad).',
    )
    expect(useLabStore().isCompleted('practice-cubic')).toBe(true)
    await wrapper.find('[data-testid="lab-show-solution"]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-solution"]').text()).toContain('= 7')
    wrapper.unmount()
  })

  it('loads a step into the explorer with its sample count, and shows the live values', async () => {
    const wrapper = await mountPanel()
    useLabStore().goTo('many-points')
    await flushPromises()
    await wrapper.find('[data-testid="lab-show-0"]').trigger('click')
    await flushPromises()
    expect(useExpressionStore().text).toBe('x^2')
    expect(useViewStore().samples).toBe(10)
    expect(useViewStore().domain).toEqual([-10, 10])
    const rows = wrapper.findAll('.lab-sample-table tbody tr')
    expect(rows).toHaveLength(10)
    // PyTorch's digits, as print(x.grad) writes the vector.
    expect(rows[0]?.text()).toBe('-10.0000100.0000-20.0000')
    expect(rows[1]?.text()).toContain('-15.5556')
    wrapper.unmount()
  })

  it('accepts an answer within the tolerance and says the exact value', async () => {
    const wrapper = await mountPanel()
    useLabStore().goTo('practice-cubic')
    await flushPromises()
    await wrapper.find<HTMLInputElement>('[data-testid="lab-answer"]').setValue('7.0001')
    await wrapper.find('form.lab-answer').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toBe(
      'Correct: 7.0001 is within 0.007 of 7, which is what autograd computes (x.grad).',
    )
    wrapper.unmount()
  })

  it('says 10 for ∂f/∂u of uv + (uv)² is ∂f/∂v', async () => {
    const wrapper = await mountPanel()
    useLabStore().goTo('practice-uv-squared')
    await flushPromises()
    await wrapper.find<HTMLInputElement>('[data-testid="lab-answer"]').setValue('10')
    await wrapper.find('form.lab-answer').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-targeted-hint"]').text()).toBe(
      'That is ∂f/∂v, the slope along v. The question asks for ∂f/∂u: hold v fixed and vary u.',
    )
    wrapper.unmount()
  })

  it('congratulates after the last step, with what to explore next', async () => {
    const wrapper = await mountPanel()
    const lab = useLabStore()
    lab.openPanel()
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-complete"]').exists()).toBe(false)
    for (const step of lab.steps) {
      lab.goTo(step.id)
      await flushPromises()
      if (step.practice) {
        const answer = step.id === 'practice-cubic' ? '7' : '5'
        await wrapper.find<HTMLInputElement>('[data-testid="lab-answer"]').setValue(answer)
        await wrapper.find('form.lab-answer').trigger('submit')
        await flushPromises()
      }
      lab.next()
    }
    await flushPromises()
    const complete = wrapper.find('[data-testid="lab-complete"]')
    expect(complete.text()).toContain('Lab complete')
    expect(complete.text()).toContain('What to explore next')
    await complete.find('button').trigger('click')
    await flushPromises()
    expect(useExpressionStore().text).toBe('sin(x) * exp(-x^2 / 4)')
    wrapper.unmount()
  })

  it('follows the sliders in its live values once the step is in the explorer', async () => {
    const wrapper = await mountPanel()
    useLabStore().goTo('square-at-2')
    await flushPromises()
    expect(wrapper.find('.lab-live h4').text()).toBe('Checked by the core at the step’s point')
    await wrapper.find('[data-testid="lab-show-0"]').trigger('click')
    await settle()
    expect(wrapper.find('[data-testid="lab-live-now"]').text()).toBe(
      'At the sliders now (x = 2): f = 4, ∂f/∂x = 4',
    )
    useVariablesStore().setValue('x', 3)
    await settle()
    expect(wrapper.find('[data-testid="lab-live-now"]').text()).toBe(
      'At the sliders now (x = 3): f = 9, ∂f/∂x = 6',
    )
    wrapper.unmount()
  })
})
