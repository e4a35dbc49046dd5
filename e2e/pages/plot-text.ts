import type { Locator, Page } from '@playwright/test'

/** The chart's text alternative (summary and table of samples) and its audio trace. */
export class PlotText {
  readonly disclosure: Locator
  readonly opener: Locator
  readonly summary: Locator
  readonly table: Locator
  readonly rows: Locator
  readonly currentRow: Locator
  readonly announcement: Locator
  readonly play: Locator

  constructor(readonly page: Page) {
    this.disclosure = page.getByTestId('plot-text')
    this.opener = this.disclosure.locator('summary')
    this.summary = page.getByTestId('plot-summary')
    this.table = page.getByRole('region', { name: 'Samples of f' })
    this.rows = this.table.locator('tbody tr')
    this.currentRow = this.table.locator('tbody tr[aria-current="true"]')
    this.announcement = page.getByTestId('trace-announcement')
    this.play = page.getByTestId('trace-play')
  }
}
