import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { BuiltApp } from '../../src-main/test-support/built-app'
import { installDesktopBridge, type BridgeOptions } from './page-bridge'
import { createWireCodec } from './wire'

/**
 * The `desktop` e2e target's test-process half. What is REAL: the desktop build of the renderer
 * (out/e2e/renderer), the built preload (out/e2e/preload/index.cjs), the built main (out/e2e/main/index.js)
 * with its ipcMain handlers, sender checks, payload validation, app:// handler, menu, export code and
 * core-host, and the worker_threads core worker. Main runs in a Node child process (as Electron's main is
 * a process apart from the renderer) under the same fake `electron` and harness as the built-app unit test
 * (src-main/test-support/run-built-main.mjs). What is EMULATED: the window (a Chromium page whose URL main's
 * frame reports), the contextBridge/ipcRenderer transport (page-bridge.ts + Playwright bindings, copies by
 * structuredClone), the native dialogs (answered with chosen paths, as the electron project stubs them).
 *
 * The page is served on http://calculus-lab.localhost, every request of which Playwright routes to the
 * handler main registered with protocol.handle('app'): app://calculus-lab/<path> answers
 * http://calculus-lab.localhost/<path>, status, headers (the CSP among them) and bytes as they are.
 * (Chromium cannot load an unregistered app:// URL itself; *.localhost is a secure context, as app:// is.)
 */
export const DESKTOP_ORIGIN = 'http://calculus-lab.localhost'
const APP_ORIGIN = 'app://calculus-lab'

const INVOKE_BINDING = '__calculusDesktopInvoke'
const MENU_BINDING = '__calculusDesktopMenu'
const DELIVER = '__calculusDesktopDeliver'

/** The page's URL as main's frame reports it: our origin maps to app://, anything else stays itself. */
export const frameUrlOf = (pageUrl: string): string =>
  pageUrl.startsWith(`${DESKTOP_ORIGIN}/`)
    ? `${APP_ORIGIN}/${pageUrl.slice(DESKTOP_ORIGIN.length + 1)}`
    : pageUrl
const pageUrlOf = (appUrl: string): string =>
  appUrl.startsWith(`${APP_ORIGIN}/`)
    ? `${DESKTOP_ORIGIN}/${appUrl.slice(APP_ORIGIN.length + 1)}`
    : appUrl

interface Served {
  status: number
  headers: Record<string, string>
  body: Uint8Array
}

interface MainState {
  workersStarted: number
  workersAlive: number
}

export class DesktopApp {
  private constructor(
    readonly main: BuiltApp,
    private readonly preloadSource: string,
  ) {}

  /** Starts the built main of `outDir` (out/e2e) under the fake electron; `env` as the process gets it. */
  static async start(outDir: string, env: Record<string, string> = {}): Promise<DesktopApp> {
    const preload = join(outDir, 'preload', 'index.cjs')
    for (const file of [
      join(outDir, 'main', 'index.js'),
      preload,
      join(outDir, 'renderer', 'index.html'),
    ])
      if (!existsSync(file))
        throw new Error(`${file} is missing: run \`npm run build:e2e\` before the desktop project.`)
    const main = new BuiltApp(outDir, env)
    await main.ready
    return new DesktopApp(main, readFileSync(preload, 'utf8'))
  }

  /** Makes `page` the main window's renderer and loads the URL main loaded (app://calculus-lab/index.html). */
  async open(page: Page): Promise<void> {
    const codec = createWireCodec()
    const { loaded } = await this.main.ask<{ loaded: string }>('attachPage')
    const accelerators = await this.main.ask<BridgeOptions['accelerators']>('menuAccelerators')

    // Nothing leaves the machine; our origin is answered by main's app:// handler.
    await page.route('**/*', (route) => route.abort('blockedbyclient'))
    await page.route(`${DESKTOP_ORIGIN}/**`, async (route) => {
      const request = route.request()
      const served = await this.main.ask<Served>('request', {
        url: frameUrlOf(request.url()),
        method: request.method(),
      })
      await route.fulfill({
        status: served.status,
        headers: served.headers,
        body: Buffer.from(served.body),
      })
    })

    await page.exposeBinding(INVOKE_BINDING, async (source, channel: string, wire: unknown) => {
      // The sender frame main checks: the window's main frame, or a subframe of it.
      const from = source.frame === page.mainFrame() ? 'main-frame' : 'subframe'
      try {
        const value = await this.main.ask('invoke', { channel, args: codec.decode(wire), from })
        return { ok: true, value: codec.encode(value) }
      } catch (error) {
        return { ok: false, error: String((error as Error).message).replace(/^Error: /, '') }
      }
    })
    await page.exposeBinding(MENU_BINDING, (_source, label: string) =>
      this.main.ask('clickMenu', { label }).then(() => undefined),
    )
    this.main.onSent = (channel, args) => {
      void page
        .evaluate(
          ([name, sent, wire]) =>
            (globalThis as never as Record<string, (c: string, w: unknown) => void>)[name]!(
              sent,
              wire,
            ),
          [DELIVER, channel, codec.encode(args)] as const,
        )
        .catch(() => undefined) // the page may be navigating or closed; Electron drops the message too
    }
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame())
        void this.main.ask('frameUrl', { url: frameUrlOf(frame.url()) }).catch(() => undefined)
    })

    const options: BridgeOptions = {
      origin: DESKTOP_ORIGIN,
      invokeBinding: INVOKE_BINDING,
      menuBinding: MENU_BINDING,
      deliverName: DELIVER,
      accelerators,
    }
    // One script, no eval (the page's CSP forbids it): the shim, the codec and the preload's own text.
    await page.addInitScript({
      content: [
        // A block, so nothing is left in the page's global scope; __name: what a bundler's keepNames
        // (tsx's esbuild) may have left in the functions' source text.
        '{ const __name = (target) => target;',
        `(${installDesktopBridge.toString()})(${createWireCodec.toString()}, ${JSON.stringify(options)},`,
        `function (require, module, exports) {\n${this.preloadSource}\n}); }`,
      ].join('\n'),
    })
    await page.goto(pageUrlOf(loaded))
  }

  /** The native dialogs answer with these files from now on. */
  stubDialogs(savePath: string, openPath = savePath): Promise<void> {
    return this.main.ask('stubDialogs', { savePath, openPath })
  }

  /** Terminates the live core worker from outside, as a crash would. */
  killWorker(): Promise<number> {
    return this.main.ask('killWorker')
  }

  state(): Promise<MainState> {
    return this.main.ask<MainState>('state')
  }

  stop(): void {
    this.main.onSent = null
    this.main.stop()
  }
}
