import { beforeEach, describe, expect, it } from 'vitest'
import type { LessonStep, PracticeStep } from '../lessons/types'
import { freshStores, settle } from '../test-support/stores'
import type { FakeClient } from '../test-support/fake-client'
import { useLabPracticeStore } from './lab-practice'
import { useLabProgressStore } from './lab-progress'

/** A practice step on f = x² at x = 3, which the fake core evaluates exactly: the slope is 6. */
const base: LessonStep = {
  id: 'square-at-3',
  title: 'Practice',
  summary: '',
  explanation: [],
  torch: '',
  plots: [],
  stated: [],
  practice: {
    question: 'What is the slope?',
    expression: 'x^2',
    point: { x: 3 },
    variable: 'x',
    tolerance: 1e-3,
    hint: 'Power rule.',
    solution: ['The slope is {answer}.'],
  },
}
const step = base as PracticeStep
const other = { ...base, id: 'other' } as PracticeStep

let core: FakeClient
beforeEach(() => {
  localStorage.clear()
  core = freshStores()
})

describe('the lab practice store', () => {
  it('asks the core for the answer and records a wrong try, then a right one', async () => {
    const practice = useLabPracticeStore()
    practice.enter(step)
    await practice.check('5')
    expect([practice.answer, practice.showHint]).toEqual([
      { text: '5', correct: false, tries: 1 },
      true,
    ])
    await practice.check(' 6.0 ')
    expect(practice.answer).toEqual({ text: '6.0', correct: true, tries: 2 })
    expect(useLabProgressStore().isCompleted(step.id)).toBe(true)
    // Once for the answer, once for the typical mistakes the wrong try is compared with.
    expect(core.evaluations.map((request) => request.expression)).toEqual(['x^2', 'x^2'])
  })

  it('says what is wrong with text that is not a number, without counting a try', async () => {
    const practice = useLabPracticeStore()
    practice.enter(step)
    await practice.check('six')
    expect(practice.inputProblem).toBe('Type a number, for example 3 or −1.5.')
    expect(practice.answer).toBeNull()
    expect(core.evaluations).toHaveLength(0)
  })

  it('shows the worked solution with the core’s answer, again when the step comes back', async () => {
    const practice = useLabPracticeStore()
    practice.enter(step)
    await practice.reveal()
    expect([practice.solutionShown, practice.solution]).toEqual([true, ['The slope is 6.']])
    practice.enter(other)
    expect(practice.solution).toEqual([])
    practice.enter(step)
    await settle()
    expect(practice.solution).toEqual(['The slope is 6.'])
  })

  it('does not record an answer for a step the learner left while the core was answering', async () => {
    const practice = useLabPracticeStore()
    let release = () => {}
    core.gate = new Promise((resolve) => (release = resolve))
    practice.enter(step)
    const checking = practice.check('6')
    practice.enter(other)
    release()
    await checking
    expect([practice.answer, useLabProgressStore().answerOf(step.id)]).toEqual([null, null])
  })

  it('passes on what the core says when it cannot compute the answer', async () => {
    const practice = useLabPracticeStore()
    practice.enter({ ...step, practice: { ...step.practice, expression: 'x^^2' } })
    await practice.check('6')
    expect(practice.coreProblem).toBe("Expected a value but found '^'.")
    expect(practice.answer).toBeNull()
  })

  it('hides the asked-for slope until the question is answered, solved or peeked at', async () => {
    const practice = useLabPracticeStore()
    practice.enter(step)
    expect([practice.hides('x^2'), practice.hides('x ^ 2'), practice.hides('x^3')]).toEqual([
      true,
      true,
      false,
    ])
    await practice.check('5')
    expect(practice.hides('x^2')).toBe(true)
    await practice.check('6')
    expect(practice.hides('x^2')).toBe(false)

    const fresh = { ...base, id: 'fresh' } as PracticeStep
    practice.enter(fresh)
    expect(practice.hides('x^2')).toBe(true)
    practice.peek()
    expect(practice.hides('x^2')).toBe(false)

    const left = { ...base, id: 'left' } as PracticeStep
    practice.enter(left)
    practice.leave(left)
    expect(practice.hides('x^2')).toBe(false)
  })

  it('gives a hint about the mistake a wrong try matches, and the exact value once right', async () => {
    const practice = useLabPracticeStore()
    practice.enter(step)
    // f itself at x = 3 is 9.
    await practice.check('9')
    expect(practice.targetedHint).toContain('That is f itself')
    await practice.check('-6')
    expect(practice.targetedHint).toBe('The size is right, but check the sign.')
    await practice.check('4')
    expect(practice.targetedHint).toBeNull()
    await practice.check('6.004')
    expect([practice.answer?.correct, practice.exact]).toEqual([true, '6'])
  })
})
