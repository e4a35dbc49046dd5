import type { Locator, Page } from '@playwright/test'

/** The convention notes of the values panel and the points of interest listed under the chart. */
export class ConventionNotes {
  readonly interestList: Locator
  readonly pointInterest: Locator

  constructor(private readonly page: Page) {
    this.interestList = page.getByRole('list', { name: 'Points of interest on the plot' })
    this.pointInterest = page.getByTestId('point-interest')
  }

  /** The note on the partial derivative along `variable`. */
  note(variable: string): Locator {
    return this.page.getByTestId(`note-${variable}`)
  }

  detail(variable: string): Locator {
    return this.note(variable).locator('.note-detail')
  }

  /** The button of a point of interest whose text contains `text`. */
  interest(text: string): Locator {
    return this.interestList.getByRole('button', { name: text })
  }
}
