import { describe, expect, it } from 'vitest'
import { arityOf, editDistance, resolveName, suggestForUnknownName, suggestFunction } from './names'

describe('names', () => {
  it('resolves functions, their aliases and PyTorch spellings, constants and variables', () => {
    expect(resolveName('ln')).toEqual({ kind: 'function', fn: 'log' })
    expect(resolveName('torch.minimum')).toEqual({ kind: 'function', fn: 'min' })
    expect(resolveName('torch.nn.functional.softplus')).toEqual({
      kind: 'function',
      fn: 'softplus',
    })
    expect(resolveName('π')).toEqual({ kind: 'constant', name: 'pi' })
    expect(resolveName('e')).toEqual({ kind: 'constant', name: 'e' })
    expect(resolveName('E')).toEqual({ kind: 'variable', name: 'E' })
    expect(resolveName('uv')).toBeUndefined()
    expect(resolveName('step')).toEqual({ kind: 'function', fn: 'step' })
  })

  it('knows each arity', () => {
    expect([arityOf('sin'), arityOf('max'), arityOf('clamp')]).toEqual([1, 2, 3])
  })

  it('measures edits, counting a swap of neighbours as one', () => {
    expect(editDistance('sinn', 'sin')).toBe(1)
    expect(editDistance('sni', 'sin')).toBe(1)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
  })

  it('suggests a function only for a likely typo', () => {
    expect(suggestFunction('sinn')).toBe('sin')
    expect(suggestFunction('sqr')).toBe('sqrt')
    expect(suggestFunction('sigmiod')).toBe('sigmoid')
    expect(suggestFunction('F.rleu')).toBe('F.relu')
    expect(suggestFunction('banana')).toBeUndefined()
  })

  it('reads an unknown run of letters as a glued call or a product', () => {
    expect(suggestForUnknownName('sinx')).toBe('sin(x)')
    expect(suggestForUnknownName('sinhx')).toBe('sinh(x)')
    expect(suggestForUnknownName('uv')).toBe('u*v')
    expect(suggestForUnknownName('pix')).toBe('pi*x')
    expect(suggestForUnknownName('xyz')).toBe('x*y*z')
    expect(suggestForUnknownName('torch.foo')).toBeUndefined()
  })
})
