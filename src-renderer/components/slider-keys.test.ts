import { describe, expect, it } from 'vitest'
import { decimalsOf, keyboardStep } from './slider-keys'

const plain = { shiftKey: false, altKey: false }

describe('keyboardStep', () => {
  it('moves one step with the arrows, ten with Shift, a tenth with Alt', () => {
    expect(keyboardStep('ArrowRight', plain, 2, 0.1, [-5, 5])).toBe(2.1)
    expect(keyboardStep('ArrowLeft', { shiftKey: true, altKey: false }, 2, 0.1, [-5, 5])).toBe(1)
    expect(keyboardStep('ArrowUp', { shiftKey: false, altKey: true }, 2, 0.1, [-5, 5])).toBe(2.01)
  })
  it('stays within the range and jumps to its ends with Home and End', () => {
    expect(keyboardStep('PageUp', plain, 4.5, 0.1, [-5, 5])).toBe(5)
    expect(keyboardStep('Home', plain, 1, 0.1, [-5, 5])).toBe(-5)
    expect(keyboardStep('End', plain, 1, 0.1, [-5, 5])).toBe(5)
  })
  it('leaves other keys to the browser', () => {
    expect(keyboardStep('Tab', plain, 1, 0.1, [-5, 5])).toBeNull()
  })
  it('rounds to the step so repeated steps do not drift', () => {
    let value = 0
    for (let i = 0; i < 30; i++)
      value = keyboardStep('ArrowRight', plain, value, 0.1, [-5, 5]) ?? value
    expect(value).toBe(3)
    expect(decimalsOf(0.01)).toBe(2)
    expect(decimalsOf(1)).toBe(0)
  })
})
