import type { WireCodec } from './wire'

/**
 * The page half of the `desktop` target's emulated Electron renderer: runs in the page before any of its
 * scripts (an init script), gives the REAL built preload (out/e2e/preload/index.cjs) the `electron` module
 * a sandboxed preload gets, and runs it.
 *
 * - `contextBridge.exposeInMainWorld(key, api)` defines `window[key]` once, read-only, as Electron does
 *   (a second key on an existing property throws Electron's error). What crosses it is copied as Electron's
 *   context bridge copies: functions become proxies that copy their arguments in (functions as callbacks)
 *   and their results out, promises resolve to copies; anything structuredClone refuses throws.
 * - `ipcRenderer.invoke / on / removeListener`: invoke takes a structuredClone of its arguments (Electron's
 *   IPC serialises with it and throws "An object could not be cloned" otherwise), and sends the copy to the
 *   test process through a Playwright binding, which hands it to main's ipcMain.handle handler. `on`
 *   listeners get what main sends with webContents.send, with an event whose sender is ipcRenderer.
 * - `require` knows 'electron' only: a sandboxed preload has no Node.
 *
 * - The window's menu accelerators: a key press matching an accelerator of main's menu clicks that item in
 *   main (which then sends its command with webContents.send), as Electron's menu does for a focused window.
 *
 * Not emulated: the isolated world. The preload and the page share one JavaScript world here, so the shim
 * takes the binding out of `window` before the page runs; the page can still reach the bridge only
 * through `window.calculus`.
 *
 * Self-contained (the page gets its source text): no imports at run time, no outer names.
 */
export interface BridgeOptions {
  /** The origin the page is served on; the bridge exists in that origin's top frame only, as a preload. */
  origin: string
  /** Names of the Playwright bindings the test process exposes, and of the function it calls back. */
  invokeBinding: string
  menuBinding: string
  deliverName: string
  /** Main's menu items with an accelerator ("CmdOrCtrl+E", "F1"): the window turns key presses into clicks. */
  accelerators: { label: string; accelerator: string }[]
}

type Listener = (event: unknown, ...args: unknown[]) => void
/** The few page globals used, typed here so Node-only programs (scripts/bench-ui.ts) can import this. */
interface KeyPress {
  key: string
  ctrlKey: boolean
  shiftKey: boolean
  altKey: boolean
  metaKey: boolean
  preventDefault(): void
  stopImmediatePropagation(): void
}
interface PageWindow {
  top: unknown
  location: { origin: string }
  addEventListener(type: 'keydown', listener: (event: KeyPress) => void, capture: boolean): void
}
type Binding = (
  channel: string,
  args: unknown,
) => Promise<{ ok: boolean; value?: unknown; error?: string }>

export function installDesktopBridge(
  createWireCodec: () => WireCodec,
  options: BridgeOptions,
  preload: (
    require: (name: string) => unknown,
    module: { exports: unknown },
    exports: unknown,
  ) => void,
): void {
  const page = globalThis as unknown as PageWindow
  if (page.top !== page || page.location.origin !== options.origin) return
  const scope = page as unknown as Record<string, unknown>
  const invokeBinding = scope[options.invokeBinding] as Binding | undefined
  const menuBinding = scope[options.menuBinding] as ((label: string) => Promise<void>) | undefined
  delete scope[options.invokeBinding]
  delete scope[options.menuBinding]
  if (typeof invokeBinding !== 'function' || typeof menuBinding !== 'function')
    throw new Error('the desktop bindings are missing')
  const codec = createWireCodec()
  const cloneError = () => new Error('An object could not be cloned.')

  const listeners = new Map<string, Set<Listener>>()
  const ipcRenderer = {
    invoke(channel: string, ...args: unknown[]): Promise<unknown> {
      let copy: unknown[]
      try {
        copy = structuredClone(args)
      } catch {
        return Promise.reject(cloneError())
      }
      return invokeBinding(String(channel), codec.encode(copy)).then((answer) => {
        if (!answer.ok) throw new Error(answer.error)
        return codec.decode(answer.value)
      })
    },
    on(channel: string, listener: Listener) {
      const set = listeners.get(channel) ?? new Set<Listener>()
      set.add(listener)
      listeners.set(channel, set)
      return ipcRenderer
    },
    removeListener(channel: string, listener: Listener) {
      listeners.get(channel)?.delete(listener)
      return ipcRenderer
    },
  }
  // What main sends the window: called by the test process (page.evaluate) with encoded arguments.
  Object.defineProperty(page, options.deliverName, {
    value: (channel: string, wire: unknown) => {
      const args = codec.decode(wire) as unknown[]
      for (const listener of listeners.get(channel) ?? [])
        listener({ sender: ipcRenderer }, ...args)
    },
  })

  /** A value crossing the context bridge, in either direction. */
  const bridged = (value: unknown): unknown => {
    if (typeof value === 'function') {
      const inner = value as (...args: unknown[]) => unknown
      return (...args: unknown[]) => bridged(inner(...args.map(bridged)))
    }
    if (value instanceof Promise) return value.then(bridged)
    try {
      return structuredClone(value)
    } catch {
      throw cloneError()
    }
  }
  const contextBridge = {
    exposeInMainWorld(key: string, api: Record<string, unknown>) {
      if (key in page)
        throw new Error('Cannot bind an API on top of an existing property on the window object')
      const exposed: Record<string, unknown> = {}
      for (const [name, value] of Object.entries(api)) exposed[name] = bridged(value)
      Object.defineProperty(page, key, { value: Object.freeze(exposed), enumerable: true })
    },
  }
  // CmdOrCtrl is Ctrl off macOS (Playwright's Chromium here is Linux); every modifier must match exactly.
  const matches = (accelerator: string, event: KeyPress) => {
    const parts = accelerator.split(/\+(?=.)/)
    const key = parts.pop()!.toLowerCase()
    const wants = (name: string) => parts.some((part) => part.toLowerCase() === name)
    return (
      event.key.toLowerCase() === key &&
      event.ctrlKey === (wants('cmdorctrl') || wants('ctrl') || wants('control')) &&
      event.shiftKey === wants('shift') &&
      event.altKey === wants('alt') &&
      !event.metaKey
    )
  }
  page.addEventListener(
    'keydown',
    (event) => {
      const item = options.accelerators.find(({ accelerator }) => matches(accelerator, event))
      if (!item) return
      // Electron's menu takes the key: the page does not see it.
      event.preventDefault()
      event.stopImmediatePropagation()
      void menuBinding(item.label)
    },
    true,
  )

  const electron = { contextBridge, ipcRenderer }
  const module = { exports: {} as unknown }
  preload(
    (name) => {
      if (name === 'electron') return electron
      throw new Error(`module not found: ${name}`)
    },
    module,
    module.exports,
  )
}
