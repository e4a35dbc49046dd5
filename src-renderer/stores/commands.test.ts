import { beforeEach, describe, expect, it, vi } from 'vitest'
import { useCommandsStore } from './commands'
import { freshStores } from '../test-support/stores'

beforeEach(() => {
  freshStores()
})

describe('commands store', () => {
  it('runs the registered handler and reports unhandled commands', () => {
    const commands = useCommandsStore()
    const zoom = vi.fn()
    const unregister = commands.register('zoom-in', zoom)
    expect(commands.dispatch('zoom-in')).toBe(true)
    expect(zoom).toHaveBeenCalledOnce()
    expect(commands.dispatch('export-png')).toBe(false)
    expect(commands.last).toEqual({ command: 'export-png', handled: false })
    unregister()
    expect(commands.isRegistered('zoom-in')).toBe(false)
  })

  it('keeps a newer handler when an older registration is undone', () => {
    const commands = useCommandsStore()
    const undoOld = commands.register('about', () => undefined)
    const newer = vi.fn()
    commands.register('about', newer)
    undoOld()
    commands.dispatch('about')
    expect(newer).toHaveBeenCalledOnce()
  })
})
