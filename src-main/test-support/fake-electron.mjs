// @ts-check
/**
 * A faithful stand-in for the parts of the `electron` module the app uses, for tests under plain Node (the
 * Electron binary cannot run here). It behaves like Electron where the app depends on the behaviour
 * (ipcMain.handle refuses a second handler for a channel; invoke rejects with Electron's wording when a
 * handler throws; new webContents fire app 'web-contents-created'; events are preventable; BrowserWindow
 * ids count up) and records every call so tests can assert on them through `fake`.
 *
 * Used two ways: unit tests `vi.mock('electron', () => import('./test-support/fake-electron.mjs'))`, and the
 * built-app integration test, where electron-loader-hooks.mjs resolves 'electron' to this file.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** A preventable event, shaped like Electron's `Event<Params>`. */
/** The event Electron hands an `ipcMain.handle` handler for an invoke from `frame` of `sender`. */
export function invokeEvent(sender, frame) {
  return {
    type: 'frame',
    sender,
    senderFrame: frame,
    frameId: frame ? frame.routingId : -1,
    processId: frame ? frame.processId : -1,
  }
}

export function preventableEvent(params = {}) {
  const event = {
    ...params,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

const makeState = () => ({
  /** Every recorded call, in order: { api, args }. */
  calls: /** @type {{ api: string, args: unknown[] }[]} */ ([]),
  handlers: /** @type {Map<string, Function>} */ (new Map()),
  windows: /** @type {FakeBrowserWindow[]} */ ([]),
  webContents: /** @type {FakeWebContents[]} */ ([]),
  applicationMenu: /** @type {FakeMenu | null} */ (null),
  exposed: /** @type {Record<string, unknown>} */ ({}),
  /** What the next dialogs answer; an empty queue answers "canceled". */
  dialogAnswers: /** @type {unknown[]} */ ([]),
  singleInstanceLock: true,
  focusedWindow: /** @type {FakeBrowserWindow | null} */ (null),
  userData: '',
  rendererListeners: /** @type {Map<string, Set<Function>>} */ (new Map()),
  privilegedSchemes: /** @type {{ scheme: string, privileges?: Record<string, boolean> }[]} */ ([]),
  protocolHandlers: /** @type {Map<string, (request: Request) => Response | Promise<Response>>} */ (
    new Map()
  ),
})

export const fake = {
  state: makeState(),
  record(api, ...args) {
    fake.state.calls.push({ api, args })
  },
  callsTo(api) {
    return fake.state.calls.filter((call) => call.api === api).map((call) => call.args)
  },
  /** Forget everything (unit tests call this between tests). */
  reset() {
    fake.state = makeState()
    app.removeAllListeners()
    app.isReady = false
    readyPromise = null
    ids.window = 0
    ids.contents = 0
  },
  /**
   * What `ipcRenderer.invoke(channel, ...args)` from `frame` of `contents` does: runs the handler main
   * registered with the event Electron would build, and settles as Electron does.
   */
  async invoke(channel, { sender, frame = sender.mainFrame }, ...args) {
    const handler = fake.state.handlers.get(channel)
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      )
    const event = invokeEvent(sender, frame)
    try {
      // structuredClone: what crosses Electron's IPC is a copy, never the object main holds.
      return structuredClone(await handler(event, ...structuredClone(args)))
    } catch (error) {
      throw new Error(`Error invoking remote method '${channel}': ${String(error)}`, {
        cause: error,
      })
    }
  },
  answerNextDialog(answer) {
    fake.state.dialogAnswers.push(answer)
  },
  /**
   * What the page's request for `url` gets from the scheme main registered with protocol.handle: the
   * handler runs with a fetch `Request`, as Electron calls it, and its `Response` is returned as is.
   */
  async request(url, init = {}) {
    const scheme = new URL(url).protocol.slice(0, -1)
    const handler = fake.state.protocolHandlers.get(scheme)
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`)
    return handler(new Request(url, init))
  },
}

const ids = { window: 0, contents: 0, frame: 0 }

export class FakeWebFrameMain {
  constructor({ url = '', parent = null } = {}) {
    this.url = url
    this.parent = parent
    this.routingId = ++ids.frame
    this.processId = 1
    this.frames = []
  }
  get top() {
    return this.parent ? this.parent.top : this
  }
}

class FakeSession {
  constructor() {
    this.permissionRequestHandler = null
    this.permissionCheckHandler = null
    this.devicePermissionHandler = null
    this.headersReceivedListener = null
    this.webRequest = {
      onHeadersReceived: (...args) => {
        fake.record('session.webRequest.onHeadersReceived', ...args)
        this.headersReceivedListener = /** @type {Function} */ (args[args.length - 1])
      },
    }
  }
  setPermissionRequestHandler(handler) {
    fake.record('session.setPermissionRequestHandler', handler)
    this.permissionRequestHandler = handler
  }
  setPermissionCheckHandler(handler) {
    fake.record('session.setPermissionCheckHandler', handler)
    this.permissionCheckHandler = handler
  }
  setDevicePermissionHandler(handler) {
    fake.record('session.setDevicePermissionHandler', handler)
    this.devicePermissionHandler = handler
  }
}

const defaultSession = new FakeSession()
export const session = { defaultSession }

export class FakeWebContents extends EventEmitter {
  constructor() {
    super()
    this.id = ++ids.contents
    this.mainFrame = new FakeWebFrameMain()
    this.session = defaultSession
    this.windowOpenHandler = null
    this.sent = /** @type {unknown[][]} */ ([])
    this.destroyed = false
    this.renderer = /** @type {((channel: string, args: unknown[]) => void) | null} */ (null)
    fake.state.webContents.push(this)
    // Electron fires this for every webContents the app creates.
    app.emit('web-contents-created', preventableEvent(), this)
  }
  setWindowOpenHandler(handler) {
    fake.record('webContents.setWindowOpenHandler', this.id)
    this.windowOpenHandler = handler
  }
  send(channel, ...args) {
    fake.record('webContents.send', channel, ...args)
    this.sent.push([channel, ...structuredClone(args)])
    // A page attached from outside (the e2e desktop target) gets the message instead of the in-process
    // fake ipcRenderer; either way it receives a structured-clone copy.
    if (this.renderer) {
      this.renderer(channel, structuredClone(args))
      return
    }
    for (const listener of fake.state.rendererListeners.get(channel) ?? []) {
      listener({ sender: ipcRenderer }, ...structuredClone(args))
    }
  }
  /** Routes what main sends this webContents to `deliver(channel, args)`: a real page's renderer. */
  attachRenderer(deliver) {
    this.renderer = deliver
  }
  getURL() {
    return this.mainFrame.url
  }
  isDestroyed() {
    return this.destroyed
  }
  /** What a navigation attempt does: Electron asks 'will-navigate' and 'will-frame-navigate' first. */
  attemptNavigation(url, frame = this.mainFrame) {
    const isMainFrame = frame === this.mainFrame
    const frameEvent = preventableEvent({ url, isMainFrame, isSameDocument: false, frame })
    this.emit('will-frame-navigate', frameEvent)
    let navigateEvent = null
    if (isMainFrame) {
      navigateEvent = preventableEvent({ url, isSameDocument: false, isMainFrame, frame })
      this.emit('will-navigate', navigateEvent, url)
    }
    const allowed = !frameEvent.defaultPrevented && !navigateEvent?.defaultPrevented
    if (allowed) frame.url = url
    return allowed
  }
}

export class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super()
    fake.record('new BrowserWindow', options)
    this.id = ++ids.window
    this.options = options
    this.webContents = new FakeWebContents()
    const { x = 0, y = 0, width = 800, height = 600 } = /** @type {any} */ (options)
    this.bounds = { x, y, width, height }
    this.maximized = false
    this.minimized = false
    this.visible = options.show !== false
    this.destroyed = false
    this.loaded = /** @type {string | null} */ (null)
    fake.state.windows.push(this)
  }
  static getAllWindows() {
    return fake.state.windows.filter((window) => !window.destroyed)
  }
  static getFocusedWindow() {
    return fake.state.focusedWindow
  }
  static fromWebContents(contents) {
    return fake.state.windows.find((window) => window.webContents === contents) ?? null
  }
  async loadFile(path) {
    fake.record('BrowserWindow.loadFile', path)
    this.loaded = pathToFileURL(path).href
    this.webContents.mainFrame.url = this.loaded
    this.emit('ready-to-show')
  }
  async loadURL(url) {
    fake.record('BrowserWindow.loadURL', url)
    this.loaded = url
    this.webContents.mainFrame.url = url
    this.emit('ready-to-show')
  }
  show() {
    this.visible = true
  }
  focus() {
    fake.record('BrowserWindow.focus', this.id)
    fake.state.focusedWindow = this
  }
  restore() {
    this.minimized = false
  }
  minimize() {
    this.minimized = true
  }
  isMinimized() {
    return this.minimized
  }
  maximize() {
    this.maximized = true
  }
  isMaximized() {
    return this.maximized
  }
  isVisible() {
    return this.visible
  }
  getBounds() {
    return { ...this.bounds }
  }
  getNormalBounds() {
    return { ...this.bounds }
  }
  setBounds(bounds) {
    this.bounds = { ...this.bounds, ...bounds }
  }
  isDestroyed() {
    return this.destroyed
  }
  close() {
    const event = preventableEvent()
    this.emit('close', event)
    if (event.defaultPrevented) return
    this.destroyed = true
    this.webContents.destroyed = true
    if (fake.state.focusedWindow === this) fake.state.focusedWindow = null
    this.emit('closed')
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed')
  }
}

let readyPromise = /** @type {Promise<void> | null} */ (null)

class FakeApp extends EventEmitter {
  constructor() {
    super()
    // The built-app test starts a "packaged" run to check what only development offers.
    this.isPackaged = process.env.FAKE_ELECTRON_IS_PACKAGED === '1'
    this.isReady = false
  }
  whenReady() {
    // Like Electron: 'ready' comes after the main script's synchronous part has run.
    readyPromise ??= new Promise((resolve) =>
      setImmediate(() => {
        this.isReady = true
        this.emit('ready', preventableEvent(), {})
        resolve()
      }),
    )
    return readyPromise
  }
  requestSingleInstanceLock() {
    fake.record('app.requestSingleInstanceLock')
    return fake.state.singleInstanceLock
  }
  enableSandbox() {
    if (this.isReady) throw new Error('app.enableSandbox() can only be called before app is ready')
    fake.record('app.enableSandbox')
  }
  getPath(name) {
    if (!fake.state.userData) fake.state.userData = mkdtempSync(join(tmpdir(), 'fake-electron-'))
    return name === 'userData' ? fake.state.userData : join(fake.state.userData, name)
  }
  getName() {
    return 'Calculus Lab'
  }
  getVersion() {
    return '0.0.0-fake'
  }
  quit() {
    fake.record('app.quit')
    const beforeQuit = preventableEvent()
    this.emit('before-quit', beforeQuit)
    if (beforeQuit.defaultPrevented) return
    const willQuit = preventableEvent()
    this.emit('will-quit', willQuit)
    if (!willQuit.defaultPrevented) this.emit('quit', preventableEvent(), 0)
  }
}

export const app = new FakeApp()

export const ipcMain = {
  handle(channel, handler) {
    fake.record('ipcMain.handle', channel)
    if (fake.state.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    fake.state.handlers.set(channel, handler)
  },
  removeHandler(channel) {
    fake.state.handlers.delete(channel)
  },
}

export const ipcRenderer = {
  invoke(channel, ...args) {
    fake.record('ipcRenderer.invoke', channel, ...args)
    const sender = fake.state.webContents[0]
    if (!sender) return Promise.reject(new Error('no webContents'))
    return fake.invoke(channel, { sender }, ...args)
  },
  on(channel, listener) {
    fake.record('ipcRenderer.on', channel)
    const listeners = fake.state.rendererListeners.get(channel) ?? new Set()
    listeners.add(listener)
    fake.state.rendererListeners.set(channel, listeners)
    return ipcRenderer
  },
  removeListener(channel, listener) {
    fake.record('ipcRenderer.removeListener', channel)
    fake.state.rendererListeners.get(channel)?.delete(listener)
    return ipcRenderer
  },
}

export const contextBridge = {
  exposeInMainWorld(key, api) {
    fake.record('contextBridge.exposeInMainWorld', key)
    if (key in fake.state.exposed)
      throw new Error(`Cannot bind an API on top of an existing property on the window object`)
    fake.state.exposed[key] = api
  },
}

/**
 * Custom schemes: registerSchemesAsPrivileged only before ready and once per scheme list (Electron reads
 * it at startup); handle only after ready, one handler per scheme, as Electron refuses a second one.
 */
export const protocol = {
  registerSchemesAsPrivileged(schemes) {
    fake.record('protocol.registerSchemesAsPrivileged', schemes)
    if (app.isReady)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready')
    fake.state.privilegedSchemes.push(...structuredClone(schemes))
  },
  handle(scheme, handler) {
    fake.record('protocol.handle', scheme)
    if (!app.isReady) throw new Error('protocol.handle can only be used after the app is ready')
    if (fake.state.protocolHandlers.has(scheme))
      throw new Error(`Failed to register protocol: ${scheme}`)
    fake.state.protocolHandlers.set(scheme, handler)
  },
  unhandle(scheme) {
    fake.record('protocol.unhandle', scheme)
    fake.state.protocolHandlers.delete(scheme)
  },
  isProtocolHandled(scheme) {
    return fake.state.protocolHandlers.has(scheme)
  },
}

class FakeMenu {
  constructor(template) {
    this.template = template
  }
}

export const Menu = {
  buildFromTemplate(template) {
    fake.record('Menu.buildFromTemplate', template)
    return new FakeMenu(template)
  },
  setApplicationMenu(menu) {
    fake.record('Menu.setApplicationMenu', menu)
    fake.state.applicationMenu = menu
  },
}

function nextDialogAnswer(fallback) {
  return fake.state.dialogAnswers.length > 0 ? fake.state.dialogAnswers.shift() : fallback
}

export const dialog = {
  async showSaveDialog(...args) {
    fake.record('dialog.showSaveDialog', ...args)
    return nextDialogAnswer({ canceled: true, filePath: '' })
  },
  async showOpenDialog(...args) {
    fake.record('dialog.showOpenDialog', ...args)
    return nextDialogAnswer({ canceled: true, filePaths: [] })
  },
  /** Unanswered, the box is dismissed as Electron reports it: the response is the cancelId (or 0). */
  async showMessageBox(...args) {
    fake.record('dialog.showMessageBox', ...args)
    const options = /** @type {{ cancelId?: number }} */ (args.at(-1) ?? {})
    return nextDialogAnswer({ response: options.cancelId ?? 0, checkboxChecked: false })
  },
}

const display = {
  id: 1,
  bounds: { x: 0, y: 0, width: 1920, height: 1080 },
  workArea: { x: 0, y: 25, width: 1920, height: 1055 },
  scaleFactor: 1,
}

export const screen = {
  getAllDisplays: () => [display],
  getPrimaryDisplay: () => display,
}

export const shell = {
  async openExternal(url) {
    fake.record('shell.openExternal', url)
  },
}

export default {
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  protocol,
  screen,
  session,
  shell,
}
