import { afterEach, describe, expect, it } from 'vitest'
import type { DesktopApi } from '../../core/protocol/desktop'
import { desktopBridge, isDesktop } from './desktop'

afterEach(() => {
  delete window.calculus
})

describe('the desktop bridge accessor', () => {
  it('finds no bridge in the web build', () => {
    expect([desktopBridge(), isDesktop()]).toEqual([null, false])
  })

  it('reads the preload bridge at each call, so one installed later is seen', () => {
    const bridge = { onMenu: () => () => undefined } as unknown as DesktopApi
    window.calculus = bridge
    expect(desktopBridge()).toBe(bridge)
    expect(isDesktop()).toBe(true)
  })
})
