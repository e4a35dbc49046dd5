import { describe, expect, it } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { MENU_COMMANDS, type MenuCommand } from '../core/protocol/desktop'
import { menuTemplate } from './menu'

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ])
}

function build(platform: NodeJS.Platform, isDevelopment: boolean) {
  const sent: MenuCommand[] = []
  const template = menuTemplate({ platform, isDevelopment, send: (command) => sent.push(command) })
  return { template, sent, items: flatten(template) }
}

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.()

describe('menuTemplate', () => {
  it('has File, Edit, View and Help on Windows and Linux', () => {
    expect(build('linux', false).template.map((item) => item.label)).toEqual([
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ])
  })

  it('adds the app menu first on macOS', () => {
    expect(build('darwin', false).template.map((item) => item.label)).toEqual([
      'Calculus Lab',
      '&File',
      '&Edit',
      '&View',
      '&Help',
    ])
  })

  it('sends every menu command the renderer handles, each from its item', () => {
    const { items, sent } = build('linux', false)
    for (const item of items) if (item.click) click(item)
    expect([...sent].sort()).toEqual([...MENU_COMMANDS].sort())
  })

  it('puts Export PNG…, Open… (a PNG or a .ipynb), Export Notebook… and Quit in File', () => {
    const file = build('win32', false).template[0]?.submenu as MenuItemConstructorOptions[]
    expect(file.map((item) => item.label ?? item.role ?? item.type)).toEqual([
      'Export PNG…',
      'Open…',
      'Export Notebook…',
      'separator',
      'quit',
    ])
  })

  it('offers reload and the developer tools in development only', () => {
    const roles = (dev: boolean) =>
      build('linux', dev)
        .items.map((item) => item.role)
        .filter(Boolean)
    expect(roles(true)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']))
    expect(roles(false)).not.toContain('reload')
    expect(roles(false)).not.toContain('forceReload')
    expect(roles(false)).not.toContain('toggleDevTools')
  })

  it('has no accelerator twice', () => {
    const accelerators = build('linux', true)
      .items.map((item) => item.accelerator)
      .filter(Boolean)
    expect(new Set(accelerators).size).toBe(accelerators.length)
  })
})
