import { mount } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import NoticeBanner, { NOTICE_MS } from './NoticeBanner.vue'

beforeEach(() => vi.useFakeTimers())
afterEach(() => vi.useRealTimers())

describe('NoticeBanner', () => {
  it('shows a notice as a status that goes away by itself', () => {
    const wrapper = mount(NoticeBanner, { props: { message: 'Opened a.png' } })
    expect(wrapper.attributes('role')).toBe('status')
    vi.advanceTimersByTime(NOTICE_MS - 1)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
    vi.advanceTimersByTime(1)
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })

  it('keeps an error, as an alert, until it is closed', async () => {
    const wrapper = mount(NoticeBanner, { props: { message: 'Not a PNG.', tone: 'error' } })
    expect(wrapper.attributes('role')).toBe('alert')
    expect(wrapper.classes()).toContain('error')
    vi.advanceTimersByTime(NOTICE_MS * 10)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
    await wrapper.get('button[aria-label="Dismiss"]').trigger('click')
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })

  it('waits while the pointer or the focus is on it, then counts again', async () => {
    const wrapper = mount(NoticeBanner, { props: { message: 'Saved.' } })
    vi.advanceTimersByTime(NOTICE_MS / 2)
    await wrapper.trigger('mouseenter')
    vi.advanceTimersByTime(NOTICE_MS * 2)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
    await wrapper.trigger('mouseleave')
    vi.advanceTimersByTime(NOTICE_MS)
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })

  it('starts a new count for a new message', async () => {
    const wrapper = mount(NoticeBanner, { props: { message: 'One.' } })
    vi.advanceTimersByTime(NOTICE_MS - 100)
    await wrapper.setProps({ message: 'Two.' })
    vi.advanceTimersByTime(NOTICE_MS - 100)
    expect(wrapper.emitted('dismiss')).toBeUndefined()
    vi.advanceTimersByTime(100)
    expect(wrapper.emitted('dismiss')).toHaveLength(1)
  })
})
