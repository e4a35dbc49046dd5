import type { Locator, Page } from '@playwright/test'

/** How the explorer's panels sit in the window: what is in view, and whether code fits its box. */
export class Layout {
  readonly torchCode: Locator
  readonly labTorchCode: Locator

  constructor(readonly page: Page) {
    this.torchCode = page.getByLabel('PyTorch code')
    // The step's cell is a CodeMirror editor: its scroller is what would cut long lines off.
    this.labTorchCode = page.getByTestId('lab-cell').locator('.cm-scroller')
  }

  /** Whether the whole of the element is inside the viewport. */
  async fullyInView(locator: Locator): Promise<boolean> {
    const box = await locator.boundingBox()
    const size = this.page.viewportSize()
    if (!box || !size) return false
    return (
      box.y >= 0 &&
      box.x >= 0 &&
      box.y + box.height <= size.height &&
      box.x + box.width <= size.width
    )
  }

  /** Lines cut off at the right edge: how much wider the content is than the box showing it. */
  overflow(locator: Locator): Promise<number> {
    return locator.evaluate((element) => element.scrollWidth - element.clientWidth)
  }
}
