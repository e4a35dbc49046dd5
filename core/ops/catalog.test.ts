/**
 * What adding a function takes now: one catalog entry here and one rule (formula + forward kernel) in
 * core/autograd/rules.ts. This test holds every entry to having all its parts — a rule of its arity
 * with a derivative per input, every spelling parsing to it, LaTeX and PyTorch printing, a displayed
 * derivative, a generated loop — so a half-added function fails here, by name.
 */
import { describe, expect, it } from 'vitest'
import { ELEMENTWISE_OPS, PRIMITIVES, RULES, SCALAR_LIBRARY } from '../autograd'
import { derivative, parse, printExpression, toLatex, toTorch } from '../expr'
import { functionSpellings } from '../expr/names'
import { CompiledExpression } from '../evaluate/compiled'
import { asProgramReadsBack, spanlessTree } from '../test-support/expressions'
import { FUNCTION_NAMES, FUNCTIONS, FUNCTION_OF_RULE } from './catalog'
import { NODE_OPS } from './node-op'

const callOf = (fn: string, arity: number): string =>
  `${fn}(${['x', 'u', 'v'].slice(0, arity).join(', ')})`

describe.each(FUNCTION_NAMES)('the function %s', (fn) => {
  const entry = FUNCTIONS[fn]
  const source = callOf(fn, entry.arity)
  const { ast } = parse(source)

  it('runs an elementwise rule of its arity, with a derivative formula per input', () => {
    const rule = RULES[entry.rule]
    expect(rule.kind).toBe('elementwise')
    expect(rule.arity).toBe(entry.arity)
    expect(rule.derivative).toHaveLength(entry.arity)
    expect(rule.derivative.every((formula) => formula !== null)).toBe(true)
  })

  it('is parsed under every spelling', () => {
    expect(ast).not.toBeNull()
    for (const spelling of [fn, ...entry.spellings]) {
      const parsed = parse(callOf(spelling, entry.arity))
      expect(parsed.diagnostics, spelling).toEqual([])
      expect(spanlessTree(parsed.ast!), spelling).toEqual(spanlessTree(ast!))
    }
  })

  it('prints as LaTeX and as a PyTorch program that imports what it calls', () => {
    const latex = toLatex(ast!)
    expect(latex).not.toMatch(/undefined/)
    // Every argument is typeset (a form such as \\frac{1}{x} may be shorter than the call).
    for (const argument of ['x', 'u', 'v'].slice(0, entry.arity)) expect(latex).toContain(argument)
    const program = toTorch(ast!, { point: { x: 0.5, u: 0, v: 1 }, variables: [] })
    const line = program.split('\n').find((l) => l.startsWith('y = '))!
    expect(line).not.toMatch(/undefined/)
    if (/(?<![\w.])F\./.test(line)) expect(program).toContain('import torch.nn.functional as F')
    // The printed call reads back as the same function.
    expect(spanlessTree(parse(line.slice(4)).ast!)).toEqual(asProgramReadsBack(spanlessTree(ast!)))
  })

  it('has a displayed derivative in every variable', () => {
    for (const variable of ['x', 'u', 'v'].slice(0, entry.arity)) {
      const shown = derivative(ast!, variable)
      expect(printExpression(shown)).not.toBe('')
      expect(toLatex(shown)).not.toMatch(/undefined/)
    }
  })

  it('compiles to a generated f/f′ loop', () => {
    expect(new CompiledExpression(ast!).kernelFor('x')).not.toBeNull()
  })
})

describe('the catalog as a whole', () => {
  it('has every spelling mean one function, and no spelling twice', () => {
    const all = FUNCTION_NAMES.flatMap((fn) => [fn, ...FUNCTIONS[fn].spellings])
    expect(new Set(all).size).toBe(all.length)
    expect([...functionSpellings().keys()].sort()).toEqual([...all].sort())
  })

  it('gives each rule at most one function, and every language op a rule', () => {
    expect(FUNCTION_OF_RULE.size).toBe(FUNCTION_NAMES.length)
    for (const op of NODE_OPS) expect(ELEMENTWISE_OPS).toContain(op)
  })

  it('builds the rule algebra only from elementwise rules', () => {
    for (const op of PRIMITIVES) expect(ELEMENTWISE_OPS).toContain(op)
  })

  it('parses back the functions a displayed derivative uses (step for relu′, sign for abs′)', () => {
    for (const fn of ['step', 'sign']) expect(parse(`${fn}(x)`).ast).not.toBeNull()
  })

  it('offers the generated loop only library functions that exist', () => {
    for (const op of ELEMENTWISE_OPS) {
      const text = RULES[op].scalar.value(['a', 'b', 'c'])
      for (const [, name] of text.matchAll(/\blib\.(\w+)/g))
        expect(SCALAR_LIBRARY).toHaveProperty(name!)
    }
  })
})
