import { expect, type Locator, type Page } from '@playwright/test'
import { FunctionPanel } from './FunctionPanel'
import { PlotPanel } from './PlotPanel'
import { TorchPanel } from './TorchPanel'
import { ValuesPanel } from './ValuesPanel'
import { VariablesPanel } from './VariablesPanel'

/** The explorer screen, one page object per panel. */
export class ExplorerPage {
  readonly fn: FunctionPanel
  readonly variables: VariablesPanel
  readonly values: ValuesPanel
  readonly plot: PlotPanel
  readonly torch: TorchPanel
  readonly themeToggle: Locator
  readonly notice: Locator

  constructor(readonly page: Page) {
    this.fn = new FunctionPanel(page)
    this.variables = new VariablesPanel(page)
    this.values = new ValuesPanel(page)
    this.plot = new PlotPanel(page)
    this.torch = new TorchPanel(page)
    this.themeToggle = page.getByRole('button', { name: /Switch to (dark|light) theme/ })
    this.notice = page.locator('.notice')
  }

  /** The first chart is on screen. */
  async ready(): Promise<void> {
    await expect.poll(() => this.plot.renders(), { timeout: 10_000 }).toBeGreaterThan(0)
  }

  theme(): Promise<string | undefined> {
    return this.page.evaluate(() => document.documentElement.dataset.theme)
  }

  async restart(): Promise<void> {
    await this.page.reload()
    await this.ready()
  }
}
