import type { Locator, Page } from '@playwright/test'

/** The values panel (a live region): f, the slope, every partial and the tangent. */
export class ValuesPanel {
  readonly region: Locator
  readonly f: Locator
  readonly slope: Locator
  readonly tangent: Locator
  readonly printedF: Locator
  readonly stale: Locator
  readonly nanNote: Locator

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Values' })
    this.f = page.getByTestId('value-f')
    this.slope = page.getByTestId('value-slope')
    this.tangent = page.getByTestId('tangent-equation')
    this.printedF = page.getByTestId('printed-f')
    this.stale = this.region.getByTestId('stale-notice')
    this.nanNote = page.getByTestId('nan-note')
  }

  /** What print(name.grad) shows in PyTorch, beside the partial. */
  printed(name: string): Locator {
    return this.page.getByTestId(`printed-${name}`)
  }

  partial(name: string): Locator {
    return this.page.getByTestId(`partial-${name}`)
  }
}
