import type { Locator, Page } from '@playwright/test'

/** The computation graph panel: its nodes, the stepper, and the highlight it draws in the input. */
export class GraphPanel {
  readonly panel: Locator
  readonly toggle: Locator
  readonly backward: Locator
  readonly forward: Locator
  readonly step: Locator
  readonly stepBack: Locator
  readonly explanation: Locator
  readonly inputHighlight: Locator

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('graph-panel')
    this.toggle = page.getByTestId('graph-toggle')
    this.backward = page.getByTestId('graph-backward')
    this.forward = page.getByTestId('graph-forward')
    this.step = page.getByTestId('graph-step')
    this.stepBack = page.getByTestId('graph-step-back')
    this.explanation = page.getByTestId('graph-explain')
    this.inputHighlight = page.locator('[data-testid="function-highlight"] mark')
  }

  async open(): Promise<void> {
    if ((await this.toggle.getAttribute('aria-expanded')) !== 'true') await this.toggle.click()
  }

  /** A node by its grad_fn name, or a leaf by its variable (`u`). */
  node(nameOrLeaf: string): Locator {
    const byName = this.panel.locator(`.graph-node[data-name="${nameOrLeaf}"]`)
    const leaf = this.panel.locator(`.graph-node.leaf[data-label="${nameOrLeaf}"]`)
    return /^[a-z]$/i.test(nameOrLeaf) ? leaf : byName
  }

  gradientOf(nameOrLeaf: string): Locator {
    return this.node(nameOrLeaf).getByTestId('graph-grad')
  }

  async stepBackwardToTheEnd(): Promise<void> {
    await this.backward.click()
    while (await this.step.isEnabled()) await this.step.click()
  }
}
