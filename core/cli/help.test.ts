import { describe, expect, it } from 'vitest'
import { FUNCTION_NAMES, usageOf } from '../ops/catalog'
import { HELP } from './help'

describe('--help', () => {
  it('lists every function of the catalog, as a learner writes it', () => {
    const listed = HELP.slice(HELP.indexOf('Functions:'), HELP.indexOf('Exit codes'))
    const words = new Set(listed.split(/\s+/))
    for (const name of FUNCTION_NAMES) expect(words).toContain(usageOf(name))
    expect(words).toContain('gelu')
    expect(words).toContain('clamp(x,lo,hi)')
  })
  it('keeps every line within 100 columns', () => {
    for (const line of HELP.split('\n')) expect(line.length).toBeLessThanOrEqual(100)
  })
})
