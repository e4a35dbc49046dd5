import type { IpcRenderer, IpcRendererEvent } from 'electron'
import {
  channelOf,
  MENU_CHANNEL,
  MENU_COMMANDS,
  type DesktopApi,
  type MenuCommand,
} from '../../core/protocol/desktop'

/**
 * `window.calculus`: one function per method of the contract, each bound to its own channel. The page never
 * gets ipcRenderer (it could then send anything on any channel), nor the IPC event (whose `sender` is
 * ipcRenderer); menu commands are checked against MENU_COMMANDS before the page's listener sees them.
 */
export type RendererIpc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>

export const isMenuCommand = (value: unknown): value is MenuCommand =>
  typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value)

export function createDesktopApi(ipc: RendererIpc): DesktopApi {
  return {
    evaluate: (request) => ipc.invoke(channelOf('evaluate'), request),
    analyze: (request) => ipc.invoke(channelOf('analyze'), request),
    graph: (request) => ipc.invoke(channelOf('graph'), request),
    runCell: (request) => ipc.invoke(channelOf('runCell'), request),
    restartNotebook: (request) => ipc.invoke(channelOf('restartNotebook'), request),
    notebookGraph: (request) => ipc.invoke(channelOf('notebookGraph'), request),
    savePng: (request) => ipc.invoke(channelOf('savePng'), request),
    openPng: () => ipc.invoke(channelOf('openPng')),
    saveNotebook: (request) => ipc.invoke(channelOf('saveNotebook'), request),
    onMenu: (listener) => {
      const relay = (_event: IpcRendererEvent, command: unknown) => {
        if (isMenuCommand(command)) listener(command)
      }
      ipc.on(MENU_CHANNEL, relay)
      return () => {
        ipc.removeListener(MENU_CHANNEL, relay)
      }
    },
  } satisfies DesktopApi
}
