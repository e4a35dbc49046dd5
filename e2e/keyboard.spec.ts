import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Presses Tab until the element matching `selector` has focus (the way a keyboard user gets there). */
async function tabTo(page: Page, selector: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  throw new Error(`Tab never reached ${selector}`)
}

test('the whole flow works from the keyboard alone', async ({ explorer, page }) => {
  await tabTo(page, '#function-input')
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type('x^2 + 2x + 1')
  await tabTo(page, '#slider-x')
  // x starts at 2; Shift+→ is a coarse step of 10 × 0.1.
  await page.keyboard.press('Shift+ArrowRight')
  await expect(explorer.variables.slider('x')).toHaveAttribute('aria-valuetext', 'x = 3')
  await expect(explorer.values.f).toHaveText('16')
  await expect(explorer.values.slope).toHaveText('8')
  await page.keyboard.press('Alt+ArrowLeft')
  await expect(explorer.variables.slider('x')).toHaveAttribute('aria-valuetext', 'x = 2.99')

  // Choose the plotted variable with the arrow keys inside the radio group.
  await tabTo(page, 'input[name="wrt"]')
  await page.keyboard.press('ArrowRight')
  await expect(explorer.variables.wrtChoice('u')).toBeChecked()
  await page.keyboard.press('ArrowLeft')
  await expect(explorer.variables.wrtChoice('x')).toBeChecked()

  // Zoom and pan the chart from the keyboard.
  await tabTo(page, '[data-testid="plot"]')
  await page.keyboard.press('+')
  await expect.poll(async () => (await explorer.plot.plotted())?.xDomain).toEqual([-4, 4])
  await page.keyboard.press('ArrowRight')
  await expect
    .poll(async () => (await explorer.plot.plotted())?.xDomain.map((v) => Number(v.toFixed(6))))
    .toEqual([-3.2, 4.8])
  await page.keyboard.press('0')
  await expect.poll(async () => (await explorer.plot.plotted())?.xDomain).toEqual([-5, 5])
})
