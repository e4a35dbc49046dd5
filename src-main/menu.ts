import type { MenuItemConstructorOptions } from 'electron'
import type { MenuCommand } from '../core/protocol/desktop'

/**
 * The application menu as data. Items the renderer acts on send a typed MenuCommand (the preload checks it
 * against MENU_COMMANDS again); everything else is an Electron role. Reload and the developer tools exist
 * only in development: in the packaged app a learner has no use for them.
 */
export interface MenuOptions {
  platform: NodeJS.Platform
  isDevelopment: boolean
  send: (command: MenuCommand) => void
}

export function menuTemplate({
  platform,
  isDevelopment,
  send,
}: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (
    label: string,
    name: MenuCommand,
    accelerator?: string,
  ): MenuItemConstructorOptions => ({
    label,
    click: () => send(name),
    ...(accelerator ? { accelerator } : {}),
  })

  const appMenu: MenuItemConstructorOptions = {
    label: 'Calculus Lab',
    submenu: [
      command('About Calculus Lab', 'about'),
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  }
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Export PNG…', 'export-png', 'CmdOrCtrl+E'),
      command('Open…', 'open-png', 'CmdOrCtrl+O'),
      command('Export Notebook…', 'export-notebook', 'CmdOrCtrl+Shift+E'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  }
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  }
  const developmentItems: MenuItemConstructorOptions[] = isDevelopment
    ? [
        { type: 'separator' },
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
      ]
    : []
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Zoom In', 'zoom-in', 'CmdOrCtrl+='),
      command('Zoom Out', 'zoom-out', 'CmdOrCtrl+-'),
      command('Reset View', 'reset-view', 'CmdOrCtrl+0'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...developmentItems,
    ],
  }
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      command('Lab Walkthrough', 'open-lab', 'F1'),
      ...(isMac ? [] : [{ type: 'separator' } as const, command('About Calculus Lab', 'about')]),
    ],
  }
  return [...(isMac ? [appMenu] : []), file, edit, view, help]
}
