import { describe, expect, it } from 'vitest'
import { LABS } from '../lessons'
import { savedActiveLab, savedProgress } from './lab-progress-state'
import type { Loaded, Persisted } from './persisted'
import { savedSession } from './persisted-state'
import { savedSampling } from './saved-sampling'
import { notebookJson } from '../../core/ipynb'
import { labNotebook } from '../notebook/lab-notebook'
import { savedNotebook } from './notebook-state'

/**
 * Saved state is untrusted input. Every stored kind meets the same hostile saves, as stored text and as
 * already-parsed values in each of its fields: each is refused with a reason, quickly, never with an
 * exception (a recursive or spreading guard would overflow the stack or stall here).
 */
const MILLION = 1_000_000
const millionKeys: Record<string, number> = {}
for (let i = 0; i < MILLION; i++) millionKeys[`k${i}`] = i
let deep: unknown = 0
for (let i = 0; i < MILLION; i++) deep = { a: deep, 0: [deep] }
const hugeArray = new Array<number>(MILLION).fill(0)
const tenMegabytes = 'x'.repeat(10 * 1024 * 1024)

const storedTexts: Record<string, string> = {
  'a 10 MB string': JSON.stringify(tenMegabytes),
  '1,000,000 keys': JSON.stringify(millionKeys),
  'deep nesting': '['.repeat(MILLION) + ']'.repeat(MILLION),
  'deep nesting under the size limit':
    '{"version":1,"a":' + '['.repeat(30_000) + ']'.repeat(30_000) + '}',
  'a huge array': JSON.stringify(hugeArray),
}
const hostileValues: Record<string, unknown> = {
  '1,000,000 keys': millionKeys,
  'deep nesting': deep,
  'a huge array': hugeArray,
  'a 10 MB string': tenMegabytes,
}

const lab = LABS[0]!
/** Each kind with a valid record of today's format, whose fields the hostile values replace one by one. */
const kinds: [string, Persisted<object>, Record<string, unknown>][] = [
  [
    'the session',
    savedSession,
    {
      version: 1,
      expression: 'x^2',
      sliders: { x: { value: 2, min: -5, max: 5, step: 0.1 } },
      wrt: 'x',
      view: { domain: [-5, 5], yOverride: null, showSecond: false },
      theme: 'system',
    },
  ],
  [
    'lab progress',
    savedProgress(lab),
    {
      version: 1,
      labId: lab.id,
      open: true,
      current: null,
      completed: [],
      answers: { 'practice-cubic': { text: '7', correct: true, tries: 1 } },
      solutionsShown: [],
    },
  ],
  ['the lab shown last', savedActiveLab, { version: 1, labId: lab.id }],
  [
    'fixed sample counts',
    savedSampling,
    { version: 1, expression: 'x^2', domain: [-10, 10], samples: 10 },
  ],
  [
    'the notebook',
    savedNotebook,
    { version: 1, open: true, notebook: notebookJson(labNotebook(lab)) },
  ],
]

function expectRefusedQuickly(read: () => Loaded<object>, budgetMs: number): void {
  const started = performance.now()
  const outcome = read()
  const elapsed = performance.now() - started
  expect(outcome.kind).toBe('reset')
  expect(outcome.kind === 'reset' && outcome.reason.length > 0).toBe(true)
  expect(elapsed).toBeLessThan(budgetMs)
}

describe.each(kinds)('saved %s, against hostile saves', (_name, saved, valid) => {
  it('reads its valid record (the fields below are replaced in it)', () => {
    expect(saved.accept(valid).kind).toBe('restored')
  })

  it.each(Object.entries(storedTexts))('refuses stored text with %s', (_case, raw) => {
    expectRefusedQuickly(() => saved.parse(raw), 100)
  })

  it.each(Object.entries(hostileValues))('refuses a parsed value that is %s', (_case, value) => {
    expectRefusedQuickly(() => saved.accept(value), 100)
  })

  it.each(Object.entries(hostileValues))('refuses %s in any one field', (_case, value) => {
    for (const field of Object.keys(valid).filter((key) => key !== 'version')) {
      // Counting a million keys of a record field is the one linear step left (V8 lists an object's
      // keys to count them); stored text never gets that far (it is refused past 64 KB, unparsed).
      expectRefusedQuickly(() => saved.accept({ ...valid, [field]: value }), 3000)
    }
  })
})
