import { describe, expect, it } from 'vitest'
import { parse } from '../expr/parser'
import { FUNCTION_NAMES, usageOf } from './catalog'
import { syntaxHelp } from './syntax-help'

describe('syntaxHelp', () => {
  const functions = syntaxHelp().find((section) => section.title === 'Functions')!

  it('lists every function of the catalog, with its spellings', () => {
    expect(functions.rows.map((row) => row.write)).toEqual(FUNCTION_NAMES.map(usageOf))
    expect(functions.rows.find((row) => row.write === 'sin')?.also).toContain('torch.sin')
  })

  it('shows only notation the parser reads', () => {
    const notation = syntaxHelp()[0]!.rows.flatMap((row) => [row.write, ...row.also])
    for (const example of ['x^2', 'x ** 2', 'x²', 'x⁻¹', '|x|', 'f(x) = x^2', 'y = x^2']) {
      expect(notation).toContain(example)
      expect(parse(example).diagnostics).toEqual([])
    }
  })
})
