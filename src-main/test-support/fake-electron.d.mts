// Types for the test double in fake-electron.mjs (tests only).
import type { EventEmitter } from 'node:events'

export interface PreventableEvent {
  preventDefault(): void
  readonly defaultPrevented: boolean
  [key: string]: unknown
}
/** The event Electron hands an `ipcMain.handle` handler for an invoke from `frame` of `sender`. */
export function invokeEvent(
  sender: FakeWebContents,
  frame: FakeWebFrameMain | null,
): {
  type: 'frame'
  sender: FakeWebContents
  senderFrame: FakeWebFrameMain | null
  frameId: number
  processId: number
}
export function preventableEvent(params?: Record<string, unknown>): PreventableEvent

export class FakeWebFrameMain {
  constructor(options?: { url?: string; parent?: FakeWebFrameMain | null })
  url: string
  parent: FakeWebFrameMain | null
  routingId: number
  processId: number
  readonly top: FakeWebFrameMain
}

export class FakeWebContents extends EventEmitter {
  id: number
  mainFrame: FakeWebFrameMain
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null
  sent: unknown[][]
  send(channel: string, ...args: unknown[]): void
  attemptNavigation(url: string, frame?: FakeWebFrameMain): boolean
  attachRenderer(deliver: (channel: string, args: unknown[]) => void): void
}

export interface FakeSessionState {
  permissionRequestHandler:
    | ((
        contents: unknown,
        permission: string,
        callback: (granted: boolean) => void,
        details: unknown,
      ) => void)
    | null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null
  headersReceivedListener:
    | ((
        details: { url: string; responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
      ) => void)
    | null
}

export interface FakeBrowserWindowState {
  id: number
  options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }
  webContents: FakeWebContents
  loaded: string | null
  visible: boolean
  maximized: boolean
  bounds: { x: number; y: number; width: number; height: number }
  close(): void
  minimize(): void
  isMinimized(): boolean
}

export interface FakeMenuTemplateItem {
  label?: string
  role?: string
  type?: string
  accelerator?: string
  click?: () => void
  submenu?: FakeMenuTemplateItem[]
}

export const fake: {
  state: {
    calls: { api: string; args: unknown[] }[]
    handlers: Map<string, (...args: unknown[]) => unknown>
    windows: FakeBrowserWindowState[]
    webContents: FakeWebContents[]
    applicationMenu: { template: FakeMenuTemplateItem[] } | null
    exposed: Record<string, unknown>
    dialogAnswers: unknown[]
    singleInstanceLock: boolean
    focusedWindow: FakeBrowserWindowState | null
    userData: string
    privilegedSchemes: { scheme: string; privileges?: Record<string, boolean> }[]
    protocolHandlers: Map<string, (request: Request) => Response | Promise<Response>>
  }
  record(api: string, ...args: unknown[]): void
  callsTo(api: string): unknown[][]
  reset(): void
  invoke(
    channel: string,
    from: { sender: FakeWebContents; frame?: FakeWebFrameMain | null },
    ...args: unknown[]
  ): Promise<unknown>
  answerNextDialog(answer: unknown): void
  request(url: string, init?: RequestInit): Promise<Response>
}

export const protocol: {
  registerSchemesAsPrivileged(
    schemes: { scheme: string; privileges?: Record<string, boolean> }[],
  ): void
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void
  unhandle(scheme: string): void
  isProtocolHandled(scheme: string): boolean
}

export const session: { defaultSession: FakeSessionState & Record<string, unknown> }
export const app: EventEmitter & { isPackaged: boolean; isReady: boolean; quit(): void }
export const ipcMain: { handle(channel: string, handler: (...args: unknown[]) => unknown): void }
export const ipcRenderer: { invoke(channel: string, ...args: unknown[]): Promise<unknown> }
export const dialog: Record<
  'showSaveDialog' | 'showOpenDialog' | 'showMessageBox',
  (...args: unknown[]) => Promise<unknown>
>
