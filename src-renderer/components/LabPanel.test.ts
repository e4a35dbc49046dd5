import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { inProcessApi } from '../../core/test-support/in-process-api'
import { setCalculusClient } from '../api/calculus'
import { useCommandsStore } from '../stores/commands'
import { useExpressionStore } from '../stores/expression'
import { useLabStore } from '../stores/lab'
import { useViewStore } from '../stores/view'
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
    await answer.setValue('seven')
    await wrapper.find('form.lab-answer').trigger('submit')
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toBe(
      'Type a number, for example 3 or −1.5.',
    )
    await answer.setValue('7')
    await wrapper.find('form.lab-answer').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-testid="lab-feedback"]').text()).toBe(
      'Correct: 7 is what autograd computes.',
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
})
