import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { openWebSession } from './web-session'

/**
 * The README's screenshot of the notebook view: the lab's notebook opened, every code cell run in order
 * (the partial-derivative cell's NameError included), in the light theme. `npm run screenshot:notebook`.
 */
interface BrowserSide {
  document: { fonts: { ready: Promise<unknown> } }
}

const outDir = fileURLToPath(new URL('../assets/screenshots/', import.meta.url))
const web = await openWebSession()
try {
  await mkdir(outDir, { recursive: true })
  const context = await web.browser.newContext({
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    colorScheme: (process.env.THEME as 'light' | 'dark' | undefined) ?? 'light',
  })
  const page = await context.newPage()
  await page.goto(web.url)
  await page.getByTestId('view-notebook').click()
  await page.getByTestId('nb-open-lab').click()
  const runs = page.getByTestId('nb-run')
  const cells = page.getByTestId('nb-cell')
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i)
    if ((await cell.getAttribute('class'))?.includes('nb-code')) {
      await cell.getByTestId('nb-run').click()
      await cell.getByTestId('nb-prompt').filter({ hasNotText: '*' }).waitFor()
    }
  }
  void runs
  await page.evaluate(() => (globalThis as unknown as BrowserSide).document.fonts.ready)
  await page.mouse.move(0, 0)
  const name = process.env.THEME === 'dark' ? 'notebook-dark.png' : 'notebook.png'
  await page.screenshot({ path: `${outDir}${name}`, fullPage: true })
  console.log(`wrote assets/screenshots/${name}`)
  await context.close()
} finally {
  await web.close()
}
