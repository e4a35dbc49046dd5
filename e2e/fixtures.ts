import { existsSync } from 'node:fs'
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test'
import { ExplorerPage } from './pages/ExplorerPage'
import { builtMain, electronBinary, NO_ELECTRON_REASON } from './targets'

export type Target = 'web' | 'electron'
export interface TargetOptions {
  target: Target
}

interface AppFixtures {
  /** Skips the test before any browser starts when its target cannot run here. */
  targetAvailable: void
  /** The app's window: the web build in Chromium, or the Electron app's first window. */
  appPage: Page
  explorer: ExplorerPage
}

interface WorkerFixtures {
  electronApp: ElectronApplication | null
}

export const test = base.extend<AppFixtures & TargetOptions, WorkerFixtures>({
  target: ['web', { option: true }],

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

  appPage: async ({ target, page, electronApp }, use) => {
    if (target === 'web') {
      await page.goto('./')
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
})

export { expect } from '@playwright/test'
