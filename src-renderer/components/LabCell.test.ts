import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { evaluate } from '../../core/evaluate/service'
import { LABS } from '../lessons'
import { isPracticeStep } from '../lessons/types'
import { setNotebookKernel } from '../notebook/kernel'
import { useLabCellsStore } from '../stores/lab-cells'
import { useLabPracticeStore } from '../stores/lab-practice'
import { inPageNotebookKernel } from '../test-support/in-page-kernel'
import { freshStores, settle } from '../test-support/stores'
import LabCell from './LabCell.vue'

const steps = LABS[0]!.steps
const stepNamed = (id: string) => steps.find((step) => step.id === id)!

beforeEach(() => {
  localStorage.clear()
  // The practice's expected answer comes from the core itself, computed in the test process.
  const client = freshStores()
  client.evaluate = (request) => Promise.resolve(evaluate(request))
  setNotebookKernel(inPageNotebookKernel())
})

async function run(wrapper: ReturnType<typeof mount>) {
  await wrapper.get('[data-testid="lab-cell-run"]').trigger('click')
  await settle()
}

describe("a lab step's runnable cell", () => {
  it("runs step 1's cell after the lab's imports: PyTorch's own output", async () => {
    const wrapper = mount(LabCell, { props: { step: stepNamed('square-at-2') } })
    await run(wrapper)
    expect(wrapper.get('[data-testid="nb-stream"]').text()).toBe(
      'tensor(4., grad_fn=<PowBackward0>)\ntensor(4.)',
    )
    expect(wrapper.text()).toContain('In [1]:')
  })

  it('explains the NameError of the partial-derivative cell only once it was raised, and fixes it', async () => {
    const wrapper = mount(LabCell, { props: { step: stepNamed('partials-uv') } })
    expect(wrapper.find('[data-testid="lab-pitfall"]').exists()).toBe(false)
    await run(wrapper)
    expect(wrapper.get('[data-testid="nb-error"]').text()).toContain(
      "NameError: name 'u' is not defined",
    )
    expect(wrapper.get('[data-testid="lab-pitfall"]').text()).toContain('without creating them')
    await wrapper.get('[data-testid="lab-apply-fix"]').trigger('click')
    await run(wrapper)
    expect(wrapper.find('[data-testid="lab-pitfall"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="nb-stream"]').text()).toContain('tensor(4.)\ntensor(1.)')
  })

  it('checks a practice answer from the gradient the cell printed', async () => {
    const step = stepNamed('practice-cubic')
    if (!isPracticeStep(step)) throw new Error('not a practice step')
    useLabPracticeStore().enter(step)
    const wrapper = mount(LabCell, { props: { step } })
    const cells = useLabCellsStore()
    cells.setSource(
      step,
      `${cells.cellOf(step).source}\ny = 2 * x ** 2 + x\ny.backward()\nprint(x.grad)`,
    )
    await run(wrapper)
    expect(useLabPracticeStore().answer).toMatchObject({ text: '5', correct: false })
    cells.setSource(step, step.torch)
    await run(wrapper)
    expect(useLabPracticeStore().answer).toMatchObject({ text: '7', correct: true })
  })
})
