import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { useLabStore } from './lab'
import { LABS, type Lab } from '../lessons'
import { ACTIVE_LAB_KEY, labProgressKey, savedProgress } from './lab-progress-state'

function restart() {
  setActivePinia(createPinia())
  const lab = useLabStore()
  lab.start()
  return lab
}

beforeEach(() => localStorage.clear())

describe('the lab store', () => {
  it('counts a read step as done on Next, a practice step only when answered correctly', () => {
    const lab = restart()
    lab.goTo('square-at-2')
    lab.next()
    lab.next()
    expect(lab.currentStep.id).toBe('practice-cubic')
    lab.next()
    expect(lab.progress.completed).toEqual(['square-at-2', 'quadratic-at-2'])
    lab.recordAnswer('practice-cubic', '6', false)
    expect(lab.isCompleted('practice-cubic')).toBe(false)
    lab.recordAnswer('practice-cubic', '7', true)
    expect(lab.isCompleted('practice-cubic')).toBe(true)
    expect(lab.answerOf('practice-cubic')).toEqual({ text: '7', correct: true, tries: 2 })
  })

  it('keeps progress across a restart and resumes at the step where the learner stopped', async () => {
    const before = restart()
    before.goTo('partials-uv')
    before.recordAnswer('practice-cubic', '7', true)
    before.revealSolution('practice-cubic')
    await nextTick()
    const after = restart()
    expect(after.open).toBe(true)
    expect(after.showing).toBe('steps')
    expect(after.isCompleted('practice-cubic')).toBe(true)
    expect(after.solutionShown('practice-cubic')).toBe(true)
    after.resume()
    expect([after.showing, after.currentStep.id]).toEqual(['step', 'partials-uv'])
  })

  it('forgets everything on reset, and the forgetting is saved too', async () => {
    const lab = restart()
    lab.goTo('relu')
    lab.recordAnswer('practice-uv-squared', '5', true)
    lab.reset()
    await nextTick()
    expect(lab.hasProgress).toBe(false)
    expect(restart().hasProgress).toBe(false)
  })

  it('replaces damaged progress with a fresh start and says so', () => {
    const key = labProgressKey('differentiation-in-pytorch')
    localStorage.setItem(key, '{"version":1,"labId":"differentiation-in-pytorch"}')
    const lab = restart()
    expect(lab.hasProgress).toBe(false)
    expect(lab.notice).toBe('Your lab progress was reset: it is damaged.')
    expect(localStorage.getItem(key)).toBeNull()
  })

  it('says so when the lab shown last cannot be restored, and opens the first lab', () => {
    localStorage.setItem(ACTIVE_LAB_KEY, '{"version":9,"labId":"later"}')
    const lab = restart()
    expect([lab.lab.id, lab.notice]).toEqual([
      'differentiation-in-pytorch',
      'The lab shown last was forgotten: the saved choice comes from a newer version (9).',
    ])
  })

  it('reads progress exactly as the first build stored it', () => {
    localStorage.setItem(
      labProgressKey('differentiation-in-pytorch'),
      '{"version":1,"labId":"differentiation-in-pytorch","open":true,"current":"partials-uv",' +
        '"completed":["square-at-2","quadratic-at-2","practice-cubic"],' +
        '"answers":{"practice-cubic":{"text":"7","correct":true,"tries":2}},' +
        '"solutionsShown":["practice-cubic"]}',
    )
    const lab = restart()
    expect([lab.open, lab.completedCount, lab.currentStep.id, lab.notice]).toEqual([
      true,
      3,
      'partials-uv',
      null,
    ])
    expect(lab.answerOf('practice-cubic')).toEqual({ text: '7', correct: true, tries: 2 })
    expect(lab.solutionShown('practice-cubic')).toBe(true)
  })

  it('keeps each lab’s progress apart, and comes back to the lab shown last', async () => {
    const second: Lab = { id: 'second', title: 'Second', intro: '', steps: [LABS[0]!.steps[0]!] }
    ;(LABS as Lab[]).push(second)
    try {
      const lab = restart()
      lab.goTo('square-at-2')
      lab.next()
      lab.chooseLab('second')
      expect([lab.lab.id, lab.open, lab.showing, lab.completedCount]).toEqual([
        'second',
        true,
        'steps',
        0,
      ])
      lab.goTo('square-at-2')
      await nextTick()
      const after = restart()
      expect([after.lab.id, after.currentStep.id, after.completedCount]).toEqual([
        'second',
        'square-at-2',
        0,
      ])
      after.chooseLab('differentiation-in-pytorch')
      expect(after.isCompleted('square-at-2')).toBe(true)
      // The first build saved the lab shown last as its bare id, not JSON: it still comes back.
      localStorage.setItem(ACTIVE_LAB_KEY, 'second')
      expect(restart().lab.id).toBe('second')
      expect(JSON.parse(localStorage.getItem(ACTIVE_LAB_KEY)!)).toEqual({
        version: 1,
        labId: 'second',
      })
    } finally {
      ;(LABS as Lab[]).splice(LABS.indexOf(second), 1)
    }
  })
})

describe('saved lab progress', () => {
  const labWith = (id: string, stepIds: string[]): Lab => ({
    id,
    title: id,
    intro: '',
    steps: stepIds.map((stepId) => ({ ...LABS[0]!.steps[0]!, id: stepId })),
  })
  const parse = (raw: string | null, labId: string, stepIds: string[]) =>
    savedProgress(labWith(labId, stepIds)).parse(raw)
  const base = {
    version: 1,
    labId: 'lab',
    open: true,
    current: 'gone',
    completed: ['a', 'gone', 'a'],
    answers: {
      a: { text: '7', correct: true, tries: 1 },
      gone: { text: '', correct: false, tries: 0 },
    },
    solutionsShown: [],
  }
  it('drops steps the lab no longer has', () => {
    expect(parse(JSON.stringify(base), 'lab', ['a', 'b'])).toEqual({
      kind: 'restored',
      value: { ...base, current: null, completed: ['a'], answers: { a: base.answers.a } },
    })
  })
  it('refuses unreadable, foreign and damaged saves', () => {
    expect(parse('{', 'lab', ['a']).kind).toBe('reset')
    expect(parse(JSON.stringify({ ...base, version: 2 }), 'lab', ['a']).kind).toBe('reset')
    expect(parse(JSON.stringify(base), 'other', ['a']).kind).toBe('reset')
    expect(parse(JSON.stringify({ ...base, answers: { a: { text: 1 } } }), 'lab', ['a']).kind).toBe(
      'reset',
    )
    expect(parse(null, 'lab', ['a'])).toEqual({ kind: 'empty' })
  })
})
