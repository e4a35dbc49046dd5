import type { Locator, Page } from '@playwright/test'
import type { PlottedSnapshot } from '../../src-renderer/chart/test-hook'

/** The chart and its toolbar. What is drawn is read through the read-only test hook of the build made for tests. */
export class PlotPanel {
  readonly surface: Locator
  readonly zoomInButton: Locator
  readonly zoomOutButton: Locator
  readonly resetButton: Locator
  readonly secondDerivative: Locator
  readonly region: Locator
  readonly stale: Locator

  constructor(private readonly page: Page) {
    this.surface = page.getByTestId('plot')
    this.zoomInButton = page.getByRole('button', { name: 'Zoom in' })
    this.zoomOutButton = page.getByRole('button', { name: 'Zoom out' })
    this.resetButton = page.getByRole('button', { name: 'Reset view' })
    this.secondDerivative = page.getByRole('checkbox', { name: 'f″' })
    this.region = page.getByRole('region', { name: 'Plot' })
    this.stale = this.region.getByTestId('stale-notice')
  }

  /** Turns the mouse wheel over the chart at `fraction` of its width (negative delta zooms in). */
  async wheelAt(fraction: number, deltaY: number): Promise<void> {
    const box = await this.surface.boundingBox()
    if (!box) throw new Error('the chart is not visible')
    await this.page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2)
    await this.page.mouse.wheel(0, deltaY)
  }

  /** Drags the chart horizontally by `pixels` (positive: to the right). */
  async dragBy(pixels: number): Promise<void> {
    const box = await this.surface.boundingBox()
    if (!box) throw new Error('the chart is not visible')
    const y = box.y + box.height / 2
    await this.page.mouse.move(box.x + box.width / 2, y)
    await this.page.mouse.down()
    await this.page.mouse.move(box.x + box.width / 2 + pixels, y, { steps: 8 })
    await this.page.mouse.up()
  }

  plotted(): Promise<PlottedSnapshot | null> {
    return this.page.evaluate(() => window.__calculusLab?.plotted() ?? null)
  }

  renders(): Promise<number> {
    return this.page.evaluate(() => window.__calculusLab?.renders ?? 0)
  }
}
