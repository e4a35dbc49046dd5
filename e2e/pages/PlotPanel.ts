import type { Locator, Page } from '@playwright/test'
import type { PlottedSnapshot } from '../../src-renderer/chart/test-hook'

/** The chart and its toolbar. What is drawn is read through the app's read-only test hook. */
export class PlotPanel {
  readonly surface: Locator
  readonly zoomInButton: Locator
  readonly zoomOutButton: Locator
  readonly resetButton: Locator
  readonly secondDerivative: Locator

  constructor(private readonly page: Page) {
    this.surface = page.getByTestId('plot')
    this.zoomInButton = page.getByRole('button', { name: 'Zoom in' })
    this.zoomOutButton = page.getByRole('button', { name: 'Zoom out' })
    this.resetButton = page.getByRole('button', { name: 'Reset view' })
    this.secondDerivative = page.getByRole('checkbox', { name: 'f″' })
  }

  plotted(): Promise<PlottedSnapshot | null> {
    return this.page.evaluate(() => window.__calculusLab?.plotted() ?? null)
  }

  renders(): Promise<number> {
    return this.page.evaluate(() => window.__calculusLab?.renders ?? 0)
  }
}
