import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { LIMITS } from '../../core/protocol/limits'
import ExpressionInput from './ExpressionInput.vue'

const caretDiagnostic = {
  code: 'unexpected-token' as const,
  message: "Expected a value but found '^'.",
  span: [2, 3] as [number, number],
  fix: { label: 'Remove the extra ^', span: [2, 3] as [number, number], replacement: '' },
}

describe('ExpressionInput', () => {
  it('is labelled "Function" and reports what is typed', async () => {
    const wrapper = mount(ExpressionInput, { props: { text: 'x^2', diagnostics: [] } })
    const input = wrapper.get('input#function-input')
    expect(wrapper.get('label[for="function-input"]').text()).toBe('Function')
    await input.setValue('x^3')
    expect(wrapper.emitted('update:text')).toEqual([['x^3']])
    expect(input.attributes('aria-invalid')).toBe('false')
  })

  it('lets a paste past the length limit through whole, for the store to refuse it (no maxlength)', () => {
    const wrapper = mount(ExpressionInput, { props: { text: 'x', diagnostics: [] } })
    expect(wrapper.get('input').attributes('maxlength')).toBeUndefined()
    const long = 'x'.repeat(LIMITS.expressionLength + 5)
    wrapper.get('input').setValue(long)
    expect(wrapper.emitted('update:text')?.at(-1)).toEqual([long])
  })

  it('underlines exactly the characters a diagnostic points at, with its message and fix', async () => {
    const wrapper = mount(ExpressionInput, {
      props: { text: 'x^^2', diagnostics: [caretDiagnostic] },
    })
    expect(wrapper.get('.diagnostic-mark').text()).toBe('^')
    expect(wrapper.get('.diagnostic-source').text()).toBe('x^^2')
    expect(wrapper.get('.diagnostic-message').text()).toBe("Expected a value but found '^'.")
    expect(wrapper.get('input').attributes('aria-invalid')).toBe('true')
    await wrapper.get('.diagnostic button').trigger('click')
    expect(wrapper.emitted('fix')).toEqual([[caretDiagnostic.fix]])
  })

  it('marks a blank at the end when the expression ends too early', () => {
    const wrapper = mount(ExpressionInput, {
      props: {
        text: 'x+',
        diagnostics: [{ code: 'unexpected-end', message: 'ends too early', span: [2, 2] }],
      },
    })
    expect(wrapper.get('.diagnostic-mark').classes()).toContain('empty')
  })

  it('offers the lab functions and classics as examples', async () => {
    const wrapper = mount(ExpressionInput, { props: { text: '', diagnostics: [] } })
    const select = wrapper.get('select')
    const values = select.findAll('option').map((option) => option.element.value)
    expect(values).toEqual(
      expect.arrayContaining([
        'u*v + u^2',
        'relu(x)',
        'sin(x)/x',
        '1/x',
        'log(x)',
        'abs(x)',
        'x^x',
      ]),
    )
    await select.setValue('1/x')
    expect(wrapper.emitted('update:text')).toEqual([['1/x']])
    expect((select.element as HTMLSelectElement).value).toBe('')
  })

  it('opens a syntax help generated from the catalog, listing floor and its spellings', async () => {
    const wrapper = mount(ExpressionInput, { props: { text: 'x', diagnostics: [] } })
    expect(wrapper.find('[data-testid="syntax-help"]').exists()).toBe(false)
    await wrapper.get('button.syntax-toggle').trigger('click')
    const help = wrapper.get('[data-testid="syntax-help"]')
    expect(help.text()).toContain('floor')
    expect(help.text()).toContain('torch.floor')
    expect(help.text()).toContain('clamp(x,lo,hi)')
    expect(wrapper.get('button.syntax-toggle').attributes('aria-expanded')).toBe('true')
  })
})
