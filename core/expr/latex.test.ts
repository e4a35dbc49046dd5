import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import katex from 'katex'
import { derivative } from './derivative'
import { ANNOTATION_SETTINGS, parseSpanAttribute, toLatex } from './latex'
import { parse } from './parser'
import { printExpression } from './print'
import { childrenOf, type Node } from './ast'
import { buildGraph } from '../graph/build'
import { arbitraryNode } from '../test-support/expressions'

function latex(source: string): string {
  const { ast } = parse(source)
  if (!ast) throw new Error(source)
  return toLatex(ast)
}

describe('toLatex', () => {
  it.each([
    ['x^2 + 2x + 1', 'x^{2} + 2x + 1'],
    ['2x^3 + x', '2x^{3} + x'],
    ['u*v + u^2', 'u v + u^{2}'],
    ['u*v + (u*v)^2', 'u v + \\left(u v\\right)^{2}'],
    ['relu(x)', '\\operatorname{relu}\\left(x\\right)'],
    ['a/b', '\\frac{a}{b}'],
    ['sin(x)', '\\sin\\left(x\\right)'],
    ['sqrt(x)', '\\sqrt{x}'],
    ['abs(x - 1)', '\\left|x - 1\\right|'],
    ['exp(x^2)', 'e^{x^{2}}'],
    ['exp(x)^2', '\\left(e^{x}\\right)^{2}'],
    ['exp(1/x)', '\\exp\\left(\\frac{1}{x}\\right)'],
    ['ln(x)', '\\ln\\left(x\\right)'],
    ['log10(x)', '\\log_{10}\\left(x\\right)'],
    ['asin(x)', '\\arcsin\\left(x\\right)'],
    ['max(x, 0)', '\\max\\left(x, 0\\right)'],
    ['clamp(x, -1, 1)', '\\operatorname{clamp}\\left(x, -1, 1\\right)'],
    ['2pi x', '2\\pi x'],
    ['pi e', '\\pi e'],
    ['2*3', '2 \\cdot 3'],
    ['x*2', 'x \\cdot 2'],
    ['2*(1/x)', '2 \\cdot \\frac{1}{x}'],
    ['2 sin(x)', '2\\sin\\left(x\\right)'],
    ['x sin(x)', 'x\\sin\\left(x\\right)'],
    ['(x+1)(x-1)', '\\left(x + 1\\right)\\left(x - 1\\right)'],
    ['x*-y', 'x\\left(-y\\right)'],
    ['x - -y', 'x - \\left(-y\\right)'],
    ['x - (y + 1)', 'x - \\left(y + 1\\right)'],
    ['-(x + 1)', '-\\left(x + 1\\right)'],
    ['-x/2', '-\\frac{x}{2}'],
    ['x^y^z', 'x^{y^{z}}'],
    ['(x^y)^z', '\\left(x^{y}\\right)^{z}'],
    ['(-x)^2', '\\left(-x\\right)^{2}'],
    ['sin(x)^2', '\\sin\\left(x\\right)^{2}'],
    ['1e-7 x', '1 \\times 10^{-7}x'],
  ])('%s → %s', (source, expected) => {
    expect(latex(source)).toBe(expected)
  })

  it('writes derivatives the way the lab does', () => {
    const d = (source: string, variable: string): string => {
      const { ast } = parse(source)
      if (!ast) throw new Error(source)
      return toLatex(derivative(ast, variable))
    }
    expect(d('x^2 + 2x + 1', 'x')).toBe('2x + 2')
    expect(d('u*v + u^2', 'u')).toBe('v + 2u')
    expect(d('1/x', 'x')).toBe('-\\frac{1}{x^{2}}')
    expect(d('sin(x^2)', 'x')).toBe('2x\\cos\\left(x^{2}\\right)')
    expect(d('relu(x)', 'x')).toBe('\\operatorname{step}\\left(x\\right)')
    expect(d('abs(x)', 'x')).toBe('\\operatorname{sign}\\left(x\\right)')
    expect(d('sqrt(x)', 'x')).toBe('\\frac{1}{2\\sqrt{x}}')
  })

  it('typesets the catalog’s newer functions as operators, and erf′ as 2/√π·e^(−x²)', () => {
    const latex = (source: string): string => toLatex(parse(source).ast!)
    const d = (source: string): string => toLatex(derivative(parse(source).ast!, 'x'))
    expect(latex('erf(x) + log1p(x)')).toBe(
      '\\operatorname{erf}\\left(x\\right) + \\operatorname{log1p}\\left(x\\right)',
    )
    expect(latex('F.gelu(x) - silu(x) + expm1(x)')).toBe(
      '\\operatorname{gelu}\\left(x\\right) - \\operatorname{silu}\\left(x\\right) + \\operatorname{expm1}\\left(x\\right)',
    )
    expect(d('erf(x)')).toBe('\\frac{2e^{-x^{2}}}{\\sqrt{\\pi}}')
    expect(d('log1p(x)')).toBe('\\frac{1}{x + 1}')
  })
})

describe('toLatex: KaTeX accepts everything it writes', () => {
  it('renders random expressions and their derivatives', () => {
    fc.assert(
      fc.property(arbitraryNode({ maxDepth: 4 }), fc.constantFrom('x', 'u'), (node, variable) => {
        for (const latex of [toLatex(node), toLatex(derivative(node, variable))]) {
          expect(() => katex.renderToString(latex, { throwOnError: true }), latex).not.toThrow()
        }
      }),
      { numRuns: 300 },
    )
  }, 30_000)

  it('renders numbers in scientific notation', () => {
    for (const source of ['1e-7 x', '2.5e21 + x', '1e300^2']) {
      const { ast } = parse(source)
      if (!ast) throw new Error(source)
      expect(() => katex.renderToString(toLatex(ast), { throwOnError: true })).not.toThrow()
    }
  })
})

const ANNOTATION = /\\htmlData\{span=(\d+-\d+)\}\{/g

/** The annotated LaTeX with every `\htmlData{…}{` and its closing brace taken out. */
function withoutAnnotations(latex: string): string {
  let out = ''
  const closers: boolean[] = []
  const opening = new RegExp(ANNOTATION.source, 'y')
  for (let i = 0; i < latex.length; i++) {
    opening.lastIndex = i
    const match = opening.exec(latex)
    if (match) {
      closers.push(true)
      i += match[0].length - 1
    } else if (latex.startsWith('\\{', i) || latex.startsWith('\\}', i)) {
      out += latex.slice(i, i + 2)
      i++
    } else if (latex[i] === '{') {
      closers.push(false)
      out += '{'
    } else if (latex[i] === '}') {
      if (!closers.pop()) out += '}'
    } else out += latex[i]
  }
  return out
}

function spansOf(node: Node): Set<string> {
  const spans = new Set([`${node.span[0]}-${node.span[1]}`])
  for (const child of childrenOf(node)) for (const span of spansOf(child)) spans.add(span)
  return spans
}

const annotatedSpans = (latex: string) =>
  [...new Set([...latex.matchAll(ANNOTATION)].map((m) => m[1]!))].sort()

/**
 * With the lab's settings: the spans KaTeX kept as data-span attributes. (KaTeX cuts a part that
 * contains a top-level + into one element per line-break piece, all with the same data-span.)
 */
function renderAnnotated(latex: string): string[] {
  const html = katex.renderToString(latex, {
    throwOnError: true,
    output: 'html',
    ...ANNOTATION_SETTINGS,
  })
  return [...new Set([...html.matchAll(/data-span="([^"]*)"/g)].map((m) => m[1]!))].sort()
}

/** The functions of the lab's steps and examples (src-renderer/lessons, components/examples.ts). */
const LAB_FUNCTIONS = [
  'x^2',
  'x^2 + 2x + 1',
  '2x^3 + x',
  'u*v + u^2',
  '2x',
  'relu(x)',
  'relu(x)/x',
  'u*v + (u*v)^2',
  'sin(x) * exp(-x^2 / 4)',
  'abs(x)',
  'sigmoid(x)',
  'a * x^2 + b * x',
  'sin(x)/x',
  '1/x',
  'tan(x)',
  'log(x)',
  'x^x',
  '-x/2 + -(u*v)/w',
]

describe('toLatex with annotations', () => {
  it('wraps every sub-expression of u*v + u^2 in its source span', () => {
    expect(toLatex(parse('u*v + u^2').ast!, { annotate: true })).toBe(
      '\\htmlData{span=0-9}{\\htmlData{span=0-3}{\\htmlData{span=0-1}{u} \\htmlData{span=2-3}{v}} + ' +
        '\\htmlData{span=6-9}{\\htmlData{span=6-7}{u}^{\\htmlData{span=8-9}{2}}}}',
    )
  })

  it('is the plain LaTeX once the annotations are taken out, and annotates only real spans', () => {
    fc.assert(
      fc.property(arbitraryNode({ maxDepth: 4 }), (tree) => {
        // Printed and parsed back, the tree has the spans of real source text.
        const source = printExpression(tree)
        const { ast } = parse(source)
        if (!ast) throw new Error(source)
        const annotated = toLatex(ast, { annotate: true })
        expect(withoutAnnotations(annotated)).toBe(toLatex(ast))
        const real = spansOf(ast)
        for (const span of annotatedSpans(annotated)) expect(real, source).toContain(span)
        expect(renderAnnotated(annotated), annotated).toEqual(annotatedSpans(annotated))
      }),
      { numRuns: 200 },
    )
  }, 30_000)

  it.each(LAB_FUNCTIONS)('annotates the part of every graph node of %s', (source) => {
    const { ast } = parse(source)
    const annotated = toLatex(ast!, { annotate: true })
    expect(renderAnnotated(annotated)).toEqual(annotatedSpans(annotated))
    const graph = buildGraph({
      expression: source,
      point: { x: 0.5, u: 1, v: 2, w: 3, a: 1, b: 2 },
    })
    if (!graph.ok) throw new Error(source)
    const shown = new Set(annotatedSpans(annotated))
    for (const node of graph.value.nodes) {
      for (const span of node.spans)
        expect(shown, `${node.name} ${node.label}`).toContain(`${span[0]}-${span[1]}`)
    }
  })

  it('marks the sign of a signed numerator as its negation; (-x)*y, shown as x y, has no part', () => {
    // -x*y/2 is ((-x)*y)/2, typeset -\\frac{x y}{2}: the minus stands for -x, nothing is (-x)*y.
    const annotated = toLatex(parse('-x*y/2').ast!, { annotate: true })
    expect(withoutAnnotations(annotated)).toBe('-\\frac{x y}{2}')
    expect(annotated.startsWith('\\htmlData{span=0-6}{\\htmlData{span=0-2}{-}\\frac{')).toBe(true)
    expect(annotatedSpans(annotated)).not.toContain('0-4')
  })

  it('trusts \\htmlData with one data-span of two numbers, and nothing else', () => {
    const { trust } = ANNOTATION_SETTINGS
    expect(trust({ command: '\\htmlData', attributes: { 'data-span': '3-7' } })).toBe(true)
    expect(trust({ command: '\\htmlData', attributes: { 'data-span': 'x' } })).toBe(false)
    const two = { 'data-span': '3-7', 'data-onclick': 'alert(1)' }
    expect(trust({ command: '\\htmlData', attributes: two })).toBe(false)
    expect(trust({ command: '\\htmlClass' })).toBe(false)
    expect(trust({ command: '\\href' })).toBe(false)
    expect(parseSpanAttribute('12-40')).toEqual([12, 40])
    expect(parseSpanAttribute('12-')).toBeNull()
  })
})
