import type { Locator, Page } from '@playwright/test'
import type { PlottedSnapshot } from '../../src-renderer/chart/test-hook'

/** The chart and its toolbar. What is drawn is read through the read-only test hook of the build made for tests. */
export class PlotPanel {
  readonly surface: Locator
  readonly canvas: Locator
  readonly zoomInButton: Locator
  readonly zoomOutButton: Locator
  readonly resetButton: Locator
  readonly secondDerivative: Locator
  /** "Check with finite differences", its precision, and the error plot under the chart. */
  readonly finiteDifferences: Locator
  readonly fdPrecision: Locator
  readonly fdErrorPlot: Locator
  readonly region: Locator
  readonly stale: Locator

  constructor(private readonly page: Page) {
    this.surface = page.getByTestId('plot')
    this.canvas = this.surface.locator('canvas')
    this.zoomInButton = page.getByRole('button', { name: 'Zoom in' })
    this.zoomOutButton = page.getByRole('button', { name: 'Zoom out' })
    this.resetButton = page.getByRole('button', { name: 'Reset view' })
    this.secondDerivative = page.getByRole('checkbox', { name: 'f″' })
    this.finiteDifferences = page.getByRole('checkbox', { name: 'Check with finite differences' })
    this.fdPrecision = page.getByRole('combobox', { name: 'Finite-difference precision' })
    this.fdErrorPlot = page.getByTestId('fd-error-plot')
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

  /** Where a value of the plot (x along the plotted variable, y up) is on the page, in CSS pixels. */
  async pixelOf(x: number, y: number): Promise<{ x: number; y: number }> {
    const plotted = await this.plotted()
    const box = await this.canvas.boundingBox()
    if (!plotted?.area || !box) throw new Error('the chart is not drawn')
    const { area, xDomain, yRange } = plotted
    return {
      x:
        box.x +
        area.left +
        ((x - xDomain[0]) / (xDomain[1] - xDomain[0])) * (area.right - area.left),
      y:
        box.y +
        area.bottom -
        ((y - yRange[0]) / (yRange[1] - yRange[0])) * (area.bottom - area.top),
    }
  }

  /** Presses on the red point and drags it to the plotted variable's value `x` (at the point's height). */
  async dragPointTo(x: number): Promise<void> {
    const point = (await this.plotted())?.point
    if (!point) throw new Error('no point is drawn')
    const from = await this.pixelOf(point.x, point.y)
    const to = await this.pixelOf(x, point.y)
    await this.page.mouse.move(from.x, from.y)
    await this.page.mouse.down()
    await this.page.mouse.move(to.x, to.y, { steps: 10 })
    await this.page.mouse.up()
  }

  /** Clicks the plot above the value `x` of the plotted variable, near the bottom of the plot area. */
  async clickAt(x: number): Promise<void> {
    const plotted = await this.plotted()
    if (!plotted) throw new Error('the chart is not drawn')
    const at = await this.pixelOf(
      x,
      plotted.yRange[0] + 0.1 * (plotted.yRange[1] - plotted.yRange[0]),
    )
    await this.page.mouse.click(at.x, at.y)
  }

  plotted(): Promise<PlottedSnapshot | null> {
    return this.page.evaluate(() => window.__calculusLab?.plotted() ?? null)
  }

  renders(): Promise<number> {
    return this.page.evaluate(() => window.__calculusLab?.renders ?? 0)
  }
}
