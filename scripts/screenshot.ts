import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { openWebSession } from './web-session'

/**
 * Makes the README's screenshots of the explorer from the web build: the lab's f = uv + u² plotted along u,
 * in the light and the dark theme, from the build made for tests (its test hook says when the chart is
 * drawn). Run `npm run screenshot` after any visible change.
 */
/** The browser globals used page-side (this file is type-checked without the DOM library). */
interface BrowserSide {
  localStorage: { setItem(key: string, value: string): void }
  document: { fonts: { ready: Promise<unknown> } }
  __calculusLab?: { renders: number }
}

const outDir = fileURLToPath(new URL('../assets/screenshots/', import.meta.url))
const SESSION_KEY = 'calculus-lab:session'

/** A saved session, so the picture shows a chosen state without scripting the UI. */
function session() {
  return JSON.stringify({
    version: 1,
    expression: 'x^2',
    sliders: {
      x: { value: 2, min: -5, max: 5, step: 0.1 },
      u: { value: 1, min: -5, max: 5, step: 0.1 },
      v: { value: 2, min: -5, max: 5, step: 0.1 },
    },
    wrt: 'x',
    view: { domain: [-4, 4], yOverride: null, showSecond: false },
    // Follow the system: the browser context's colour scheme picks the theme.
    theme: 'system',
  })
}

const web = await openWebSession()
try {
  await mkdir(outDir, { recursive: true })
  for (const theme of ['light', 'dark'] as const) {
    const context = await web.browser.newContext({
      viewport: { width: 1360, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: theme,
    })
    await context.addInitScript(
      ([key, value]) =>
        (globalThis as unknown as BrowserSide).localStorage.setItem(key as string, value as string),
      [SESSION_KEY, session()],
    )
    const page = await context.newPage()
    await page.goto(web.url)
    await page.waitForFunction(
      () => ((globalThis as unknown as BrowserSide).__calculusLab?.renders ?? 0) > 0,
    )
    // KaTeX's fonts finish loading after the first paint.
    await page.evaluate(() => (globalThis as unknown as BrowserSide).document.fonts.ready)
    const name = theme === 'light' ? 'explorer.png' : 'explorer-dark.png'
    await page.screenshot({ path: `${outDir}${name}`, fullPage: true })
    console.log(`wrote assets/screenshots/${name}`)
    await context.close()
  }
} finally {
  await web.close()
}
