// @ts-check
/**
 * Preloaded with `node --import` in front of the BUILT out/main/index.js, in a child process of the
 * integration test (src-main/built-app.test.ts). It
 * - maps 'electron' to the recording fake (electron-loader-hooks.mjs);
 * - watches the worker threads main starts (by wrapping node:worker_threads' Worker), so the test can see
 *   replacements and kill one from outside, as a crash would;
 * - answers the test's questions over the IPC channel: what main did (windows, handlers, menu), and what
 *   happens when a renderer invokes a channel, navigates, asks a permission, or a menu item is clicked.
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

  const { fake, session, app, FakeWebFrameMain, preventableEvent } =
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
