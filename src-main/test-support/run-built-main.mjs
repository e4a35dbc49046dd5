// @ts-check
/**
 * Preloaded with `node --import` in front of the BUILT out/main/index.js, in a child process of the
 * integration test (src-main/built-app.test.ts). It
 * - maps 'electron' to the recording fake (electron-loader-hooks.mjs);
 * - watches the worker threads main starts (by wrapping node:worker_threads' Worker), so the test can see
 *   replacements and kill one from outside, as a crash would;
 * - answers the test's questions over the IPC channel: what main did (windows, handlers, menu), and what
 *   happens when a renderer invokes a channel, navigates, asks a permission, or a menu item is clicked;
 * - for the e2e `desktop` target (e2e/desktop/), serves a real page: its requests go to main's app://
 *   handler (`request`), its IPC calls to main's handlers (`invoke`), and what main sends the window comes
 *   back as `{ event: 'send', channel, args }` messages once the page is attached (`attachPage`).
 * Worker threads inherit `--import`: everything here is for the main thread only.
 */
import { register, syncBuiltinESMExports } from 'node:module'
import workerThreads from 'node:worker_threads'

if (workerThreads.isMainThread) {
  register('./electron-loader-hooks.mjs', import.meta.url)

  /** @type {import('node:worker_threads').Worker[]} */
  const workers = []
  const OriginalWorker = workerThreads.Worker
  workerThreads.Worker = class ObservedWorker extends OriginalWorker {
    /** @param {ConstructorParameters<typeof OriginalWorker>} args */
    constructor(...args) {
      super(...args)
      workers.push(this)
      this.exited = false
      this.once('exit', () => (this.exited = true))
    }
  }
  syncBuiltinESMExports()

  const { fake, session, app, dialog, FakeWebFrameMain, preventableEvent } =
    await import('./fake-electron.mjs')

  const mainWindow = () => {
    const window = fake.state.windows.find((candidate) => !candidate.destroyed)
    if (!window) throw new Error('main created no window')
    return window
  }

  /** The menu template without its functions: what a person sees, plus whether an item does something. */
  const describeMenu = (items) =>
    items.map(({ label, role, type, accelerator, click, submenu }) => ({
      label,
      role,
      type,
      accelerator,
      clickable: typeof click === 'function',
      submenu: Array.isArray(submenu) ? describeMenu(submenu) : undefined,
    }))

  const findMenuItem = (items, label) => {
    for (const item of items) {
      if (item.label === label) return item
      const inner = Array.isArray(item.submenu) ? findMenuItem(item.submenu, label) : undefined
      if (inner) return inner
    }
    return undefined
  }

  const senders = {
    'main-frame': () => ({ sender: mainWindow().webContents }),
    subframe: () => {
      const contents = mainWindow().webContents
      return {
        sender: contents,
        frame: new FakeWebFrameMain({ url: contents.mainFrame.url, parent: contents.mainFrame }),
      }
    },
    'other-page': () => {
      const contents = mainWindow().webContents
      return { sender: contents, frame: new FakeWebFrameMain({ url: 'https://example.com/' }) }
    },
  }

  const liveWorkers = () => workers.filter((worker) => !worker.exited)

  /** Every menu item with both an accelerator and a click: what a key press in the window triggers. */
  const accelerators = (items) =>
    items.flatMap((item) => [
      ...(item.accelerator && typeof item.click === 'function'
        ? [{ label: item.label, accelerator: item.accelerator }]
        : []),
      ...(Array.isArray(item.submenu) ? accelerators(item.submenu) : []),
    ])

  const operations = {
    state: () => ({
      windows: fake.state.windows.map((window) => ({
        id: window.id,
        options: JSON.parse(JSON.stringify(window.options)),
        loaded: window.loaded,
        visible: window.visible,
        webContentsId: window.webContents.id,
      })),
      handlers: [...fake.state.handlers.keys()],
      protocols: [...fake.state.protocolHandlers.keys()],
      privilegedSchemes: fake.state.privilegedSchemes,
      menu: fake.state.applicationMenu ? describeMenu(fake.state.applicationMenu.template) : null,
      calls: fake.state.calls.map((call) => call.api),
      permissionHandlers: {
        request: typeof session.defaultSession.permissionRequestHandler === 'function',
        check: typeof session.defaultSession.permissionCheckHandler === 'function',
      },
      guardedWebContents: fake.state.webContents.map((contents) => ({
        id: contents.id,
        windowOpenDenied:
          contents.windowOpenHandler?.({ url: 'https://example.com/' })?.action === 'deny',
        navigationListeners: contents.listenerCount('will-navigate'),
      })),
      workersStarted: workers.length,
      workersAlive: liveWorkers().length,
    }),
    invoke: ({ channel, args, from }) => fake.invoke(channel, senders[from](), ...args),
    permission: ({ permission }) =>
      new Promise((resolve) =>
        session.defaultSession.permissionRequestHandler(
          mainWindow().webContents,
          permission,
          resolve,
          {},
        ),
      ),
    navigate: ({ url }) => mainWindow().webContents.attemptNavigation(url),
    answerNextDialog: (answer) => fake.answerNextDialog(answer),
    /** The dialogs answer every time with these files, as the electron e2e project stubs them. */
    stubDialogs: ({ savePath, openPath }) => {
      Object.assign(dialog, {
        showSaveDialog: async () => ({ canceled: false, filePath: savePath }),
        showOpenDialog: async () => ({ canceled: false, filePaths: [openPath] }),
      })
    },
    request: async ({ url, method = 'GET' }) => {
      const response = await fake.request(url, { method })
      return {
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: new Uint8Array(await response.arrayBuffer()),
      }
    },
    attachPage: () => {
      mainWindow().webContents.attachRenderer((channel, args) =>
        process.send?.({ event: 'send', channel, args }),
      )
      return { loaded: mainWindow().loaded }
    },
    /** What the window shows now: the URL main's frame reports to sender checks. */
    frameUrl: ({ url }) => {
      mainWindow().webContents.mainFrame.url = url
    },
    menuAccelerators: () => accelerators(fake.state.applicationMenu?.template ?? []),
    windowOpen: ({ url }) => mainWindow().webContents.windowOpenHandler({ url }),
    clickMenu: ({ label }) => {
      const item = findMenuItem(fake.state.applicationMenu.template, label)
      if (!item?.click) throw new Error(`no menu item '${label}'`)
      const contents = mainWindow().webContents
      const before = contents.sent.length
      item.click()
      return contents.sent.slice(before)
    },
    secondInstance: () => {
      const window = mainWindow()
      window.minimize()
      app.emit('second-instance', preventableEvent(), ['calculus-lab'], process.cwd(), {})
      return {
        minimized: window.isMinimized(),
        focused: fake.state.focusedWindow?.id === window.id,
      }
    },
    killWorker: async () => {
      const [worker] = liveWorkers()
      if (!worker) throw new Error('no live worker to kill')
      await worker.terminate()
      return workers.length
    },
    quit: async () => {
      app.quit()
      await Promise.all(
        workers.map((worker) =>
          worker.exited ? null : new Promise((r) => worker.once('exit', r)),
        ),
      )
      return { workersAlive: liveWorkers().length }
    },
  }

  process.on('message', async (message) => {
    const { id, op, params } =
      /** @type {{ id: number, op: keyof typeof operations, params: any }} */ (message)
    try {
      const value = await operations[op](params ?? {})
      process.send?.({ id, ok: true, value })
    } catch (error) {
      process.send?.({ id, ok: false, error: String(error) })
    }
  })
  // After main's own whenReady() continuation has run (it is queued behind this listener).
  app.once('ready', () => setTimeout(() => process.send?.({ ready: true }), 0))
}
