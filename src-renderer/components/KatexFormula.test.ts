import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { parse } from '../../core/expr'
import { toLatex } from '../../core/expr/latex'
import KatexFormula from './KatexFormula.vue'

const annotated = (source: string) => `f = ${toLatex(parse(source).ast!, { annotate: true })}`
const lit = (wrapper: ReturnType<typeof mount>) =>
  wrapper.findAll('.formula-lit').map((part) => part.attributes('data-span'))

describe('KatexFormula', () => {
  it('renders an annotated formula with one element per sub-expression span', () => {
    const wrapper = mount(KatexFormula, { props: { latex: annotated('u*v + u^2'), label: 'f' } })
    const spans = new Set(
      wrapper.findAll('[data-span]').map((part) => part.attributes('data-span')),
    )
    expect([...spans].sort()).toEqual(['0-1', '0-3', '0-9', '2-3', '6-7', '6-9', '8-9'])
    expect(wrapper.find('.katex-error').exists()).toBe(false)
  })

  it('marks the parts of the highlighted spans, and moves the mark without typesetting again', async () => {
    const wrapper = mount(KatexFormula, {
      props: { latex: annotated('u*v + u^2'), label: 'f', highlight: [[6, 9]] },
    })
    await wrapper.vm.$nextTick()
    expect(lit(wrapper)).toEqual(['6-9'])
    const element = wrapper.get('[data-span="6-9"]').element
    await wrapper.setProps({
      highlight: [
        [0, 1],
        [6, 7],
      ],
    })
    expect(lit(wrapper)).toEqual(['0-1', '6-7'])
    // The same DOM, its classes changed.
    expect(wrapper.get('[data-span="6-9"]').element).toBe(element)
    await wrapper.setProps({ highlight: [] })
    expect(lit(wrapper)).toEqual([])
  })

  it('emits the span of the innermost part clicked', async () => {
    const wrapper = mount(KatexFormula, { props: { latex: annotated('u*v + u^2'), label: 'f' } })
    await wrapper.get('[data-span="8-9"]').trigger('click')
    await wrapper.get('[data-span="6-9"]').trigger('click')
    expect(wrapper.emitted('select')).toEqual([[[8, 9]], [[6, 9]]])
  })

  it('keeps other HTML commands out: \\htmlClass is shown as an unsupported command', () => {
    const wrapper = mount(KatexFormula, {
      props: { latex: '\\htmlClass{evil}{x} + \\htmlData{span=1-2, onclick=x}{y}', label: 'f' },
    })
    expect(wrapper.find('.evil').exists()).toBe(false)
    expect(wrapper.find('[data-onclick]').exists()).toBe(false)
    expect(wrapper.find('[data-span]').exists()).toBe(false)
  })
})
