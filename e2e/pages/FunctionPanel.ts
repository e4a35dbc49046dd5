import type { Locator, Page } from '@playwright/test'

/** The "Function" panel: the input, its diagnostics and the examples menu. */
export class FunctionPanel {
  readonly input: Locator
  readonly examples: Locator
  readonly diagnostics: Locator
  readonly underlined: Locator
  readonly diagnosticSource: Locator

  constructor(page: Page) {
    this.input = page.getByRole('textbox', { name: 'Function', exact: true })
    this.examples = page.getByLabel('Examples')
    this.diagnostics = page.locator('#function-diagnostics .diagnostic-message')
    this.underlined = page.locator('#function-diagnostics .diagnostic-mark')
    this.diagnosticSource = page.locator('#function-diagnostics .diagnostic-source')
  }

  async type(expression: string): Promise<void> {
    await this.input.fill(expression)
  }

  async chooseExample(expression: string): Promise<void> {
    await this.examples.selectOption(expression)
  }
}
