import { expect, type Locator, type Page } from '@playwright/test'

/** The Lab panel: the list of steps, one step, and a practice question. */
export class LabPanel {
  readonly toggle: Locator
  readonly panel: Locator
  readonly title: Locator
  readonly count: Locator
  readonly resume: Locator
  readonly reset: Locator
  readonly confirmReset: Locator
  readonly stepHeading: Locator
  readonly next: Locator
  readonly allSteps: Locator
  readonly loaded: Locator
  readonly answer: Locator
  readonly check: Locator
  readonly feedback: Locator
  readonly hint: Locator
  readonly showSolution: Locator
  readonly solution: Locator
  readonly liveValues: Locator

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('lab-toggle')
    this.panel = page.getByTestId('lab-panel')
    this.title = page.locator('#lab-title')
    this.count = page.getByTestId('lab-count')
    this.resume = page.getByTestId('lab-resume')
    this.reset = page.getByTestId('lab-reset')
    this.confirmReset = page.getByTestId('lab-reset-confirm')
    this.stepHeading = this.panel.locator('.lab-step-heading')
    this.next = page.getByTestId('lab-next')
    this.allSteps = page.getByTestId('lab-all-steps')
    this.loaded = page.getByTestId('lab-loaded')
    this.answer = page.getByTestId('lab-answer')
    this.check = page.getByTestId('lab-check')
    this.feedback = page.getByTestId('lab-feedback')
    this.hint = page.getByTestId('lab-hint')
    this.showSolution = page.getByTestId('lab-show-solution')
    this.solution = page.getByTestId('lab-solution')
    this.liveValues = page.getByTestId('lab-live-value')
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.toggle.click()
    await expect(this.panel).toBeVisible()
  }

  step(number: number): Locator {
    return this.page.getByTestId(`lab-step-${number}`)
  }

  /** "Show me" (or the step's n-th plot button); waits until the explorer confirms it loaded. */
  async show(index = 0): Promise<void> {
    await this.panel.getByTestId(`lab-show-${index}`).click()
    await expect(this.loaded).toContainText('Showing f =')
  }

  async submitAnswer(text: string): Promise<void> {
    await this.answer.fill(text)
    await this.check.click()
  }
}
