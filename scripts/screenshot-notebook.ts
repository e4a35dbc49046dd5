import { mkdir } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { openWebSession } from './web-session'

/**
 * The README's screenshot of the notebook view: the lab's notebook opened, every code cell run in order
 * (the partial-derivative cell's NameError included), in the light theme (THEME=dark for the dark one),
 * pictured at the lab's bug and the figure after it. `npm run screenshot:notebook`.
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
  const cells = page.getByTestId('nb-cell')
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i)
    if ((await cell.getAttribute('class'))?.includes('nb-code')) {
      await cell.getByTestId('nb-run').click()
      await cell.getByTestId('nb-prompt').filter({ hasNotText: '*' }).waitFor()
    }
  }
  await page.evaluate(() => (globalThis as unknown as BrowserSide).document.fonts.ready)
  // The lab's bug and the figures below it, under the toolbar (it sticks to the top while scrolling).
  await page
    .getByTestId('nb-error')
    .first()
    .evaluate((node) =>
      (node as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }),
    )
  await page.evaluate(() =>
    (globalThis as unknown as { scrollBy(x: number, y: number): void }).scrollBy(0, -330),
  )
  await page.mouse.move(0, 0)
  const name = process.env.THEME === 'dark' ? 'notebook-dark.png' : 'notebook.png'
  await page.screenshot({ path: `${outDir}${name}`, fullPage: false })
  console.log(`wrote assets/screenshots/${name}`)
  await context.close()
} finally {
  await web.close()
}
