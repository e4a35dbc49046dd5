import type { Locator, Page } from '@playwright/test'

/** The PyTorch panel: the program that computes the app's numbers. */
export class TorchPanel {
  readonly region: Locator
  readonly code: Locator
  readonly stale: Locator

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'PyTorch' })
    this.code = this.region.locator('pre.code')
    this.stale = this.region.getByTestId('stale-notice')
  }
}
