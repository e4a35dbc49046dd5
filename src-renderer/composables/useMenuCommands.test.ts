import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import type { DesktopApi, MenuCommand } from '../../core/protocol/desktop'
import { useCommandsStore } from '../stores/commands'
import { freshStores } from '../test-support/stores'
import { useMenuCommands } from './useMenuCommands'

function fakeBridge() {
  const listeners = new Set<(command: MenuCommand) => void>()
  const bridge = {
    onMenu: (listener: (command: MenuCommand) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  } as Partial<DesktopApi> as DesktopApi
  return { bridge, send: (command: MenuCommand) => listeners.forEach((l) => l(command)), listeners }
}

function host(handlers: Partial<Record<MenuCommand, () => void>>) {
  return defineComponent({
    setup() {
      useMenuCommands(handlers)
      return () => h('div')
    },
  })
}

afterEach(() => {
  delete window.calculus
})

describe('useMenuCommands', () => {
  it('carries menu commands from the preload to the registered handlers while mounted', () => {
    freshStores()
    const { bridge, send, listeners } = fakeBridge()
    window.calculus = bridge
    const zoomIn = vi.fn()
    const wrapper = mount(host({ 'zoom-in': zoomIn }))
    send('zoom-in')
    expect(zoomIn).toHaveBeenCalledOnce()
    send('export-png')
    expect(useCommandsStore().last).toEqual({ command: 'export-png', handled: false })
    wrapper.unmount()
    expect(listeners.size).toBe(0)
    expect(useCommandsStore().isRegistered('zoom-in')).toBe(false)
  })

  it('registers handlers in the web build, where there is no menu', () => {
    freshStores()
    const about = vi.fn()
    mount(host({ about }))
    expect(useCommandsStore().dispatch('about')).toBe(true)
    expect(about).toHaveBeenCalledOnce()
  })
})
