import { defineConfig } from '@playwright/test'
import type { TargetOptions } from './fixtures'
import { CHROMIUM_ARGS, chromiumPath, electronBinary, NO_ELECTRON_REASON } from './targets'

/** A fixed port for the test server, away from the dev servers' defaults. */
const PORT = Number(process.env.E2E_PORT ?? 4317)
const executablePath = chromiumPath()
// Playwright's own browser download is not used (and cannot work on machines without its CDN): say what
// to install instead of letting it fail with "run npx playwright install".
if (!executablePath) {
  throw new Error(
    'No Chromium found for the end-to-end tests. Install it (Debian/Ubuntu: apt-get install chromium) ' +
      'or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  )
}

// Said once, in the runner (workers load this file too): why the electron project's tests are skipped.
if (process.env.TEST_WORKER_INDEX === undefined && !electronBinary()) {
  console.log(`[electron] project skipped: ${NO_ELECTRON_REASON}`)
}

export default defineConfig<TargetOptions>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: '../test-results/e2e',
  // The machine is small and shared: one browser at a time keeps timings honest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: process.env.CI
    ? [['list'], ['html', { open: 'never', outputFolder: '../playwright-report' }]]
    : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  webServer: {
    // The build made for tests: the shipped web build carries no test hook to read the chart through.
    command: 'npm run build:web:e2e && tsx scripts/serve-web.ts',
    cwd: '..',
    env: { PORT: String(PORT), WEB_ROOT: 'out/web-e2e' },
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  projects: [
    {
      name: 'web',
      use: {
        target: 'web',
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
    {
      // The desktop renderer build with the real preload, into the built main under the fake electron and
      // the real core worker (e2e/desktop/). Needs `npm run build:e2e` (npm run e2e does it).
      name: 'desktop',
      use: {
        target: 'desktop',
        browserName: 'chromium',
        viewport: { width: 1280, height: 860 },
        launchOptions: { executablePath, args: CHROMIUM_ARGS },
      },
    },
    {
      // The app itself comes from _electron.launch; the browser options only serve Playwright's own page
      // fixture, which the electron tests never use.
      name: 'electron',
      use: { target: 'electron', launchOptions: { executablePath, args: CHROMIUM_ARGS } },
    },
  ],
})
