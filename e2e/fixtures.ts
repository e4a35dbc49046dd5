import { existsSync } from 'node:fs'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { DesktopApp } from './desktop/desktop-app'
import { ExplorerPage } from './pages/ExplorerPage'
import { builtDesktop, builtMain, electronBinary, NO_ELECTRON_REASON } from './targets'

/**
 * web: the web build in Chromium (Web Worker transport). electron: the Electron app, where its binary
 * exists. desktop: the desktop renderer build with the real preload over an emulated contextBridge, into
 * the built main under the fake electron and the real worker_threads worker (e2e/desktop/).
 */
export type Target = 'web' | 'electron' | 'desktop'
export interface TargetOptions {
  target: Target
}

/** The native file dialogs, answered as a learner would answer them (a test cannot click them). */
export interface FileDialogs {
  answerWith(path: string): Promise<void>
}

interface AppFixtures {
  /** Skips the test before any browser starts when its target cannot run here. */
  targetAvailable: void
  /** The app's window: the web build in Chromium, or the Electron app's first window. */
  appPage: Page
  explorer: ExplorerPage
  fileDialogs: FileDialogs
}

interface WorkerFixtures {
  electronApp: ElectronApplication | null
  /** The desktop target's built main (one per Playwright worker); null on the other targets. */
  desktopApp: DesktopApp | null
  /** Environment of the desktop target's main process (e.g. the test-only deadline). */
  desktopEnv: Record<string, string>
}

export const test = base.extend<AppFixtures & TargetOptions, WorkerFixtures>({
  target: ['web', { option: true }],
  desktopEnv: [{}, { option: true, scope: 'worker' }],

  desktopApp: [
    async ({ desktopEnv }, use, workerInfo) => {
      if ((workerInfo.project.use as Partial<TargetOptions>).target !== 'desktop') {
        await use(null)
        return
      }
      const app = await DesktopApp.start(builtDesktop, desktopEnv)
      await use(app)
      app.stop()
    },
    { scope: 'worker' },
  ],

  targetAvailable: [
    async ({ target }, use, testInfo) => {
      testInfo.skip(target === 'electron' && !electronBinary(), NO_ELECTRON_REASON)
      await use()
    },
    { auto: true },
  ],

  electronApp: [
    // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, workerInfo) => {
      if ((workerInfo.project.use as Partial<TargetOptions>).target !== 'electron') {
        await use(null)
        return
      }
      const executablePath = electronBinary()
      if (!executablePath) {
        await use(null)
        return
      }
      if (!existsSync(builtMain)) {
        throw new Error(
          `${builtMain} is missing: run \`npm run build:e2e\` before the electron project.`,
        )
      }
      const app = await _electron.launch({ executablePath, args: [builtMain] })
      await use(app)
      await app.close()
    },
    { scope: 'worker' },
  ],

  appPage: async ({ target, page, electronApp, desktopApp }, use) => {
    if (target === 'web') {
      await page.goto('./')
      await use(page)
      return
    }
    if (target === 'desktop') {
      // A fresh browser context per test: a clean session, as on the web.
      await desktopApp!.open(page)
      await use(page)
      return
    }
    if (!electronApp) throw new Error(NO_ELECTRON_REASON)
    const window = await electronApp.firstWindow()
    // Each test starts from a clean session, as a fresh browser context does on the web.
    await window.evaluate(() => localStorage.clear())
    await window.reload()
    await use(window)
  },

  explorer: async ({ appPage }, use) => {
    const explorer = new ExplorerPage(appPage)
    await explorer.ready()
    await use(explorer)
  },

  fileDialogs: async ({ target, electronApp, desktopApp }, use) => {
    await use({
      answerWith: async (path) => {
        if (target === 'desktop') return desktopApp!.stubDialogs(path)
        if (!electronApp) throw new Error('the web build has no native dialogs')
        // main's dialog module answers as a learner would.
        await electronApp.evaluate(({ dialog }, file) => {
          Object.assign(dialog, {
            showSaveDialog: async () => ({ canceled: false, filePath: file }),
            showOpenDialog: async () => ({ canceled: false, filePaths: [file] }),
          })
        }, path)
      },
    })
  },
})

export { expect } from '@playwright/test'
