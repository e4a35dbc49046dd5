import type { Locator, Page } from '@playwright/test'

/** The "Function" panel: the input, its diagnostics and the examples menu. */
export class FunctionPanel {
  readonly input: Locator
  readonly examples: Locator
  readonly diagnostics: Locator
  readonly underlined: Locator
  readonly diagnosticSource: Locator
  readonly syntaxHelpButton: Locator
  readonly syntaxHelp: Locator

  constructor(page: Page) {
    this.input = page.getByRole('textbox', { name: 'Function', exact: true })
    this.examples = page.getByLabel('Examples')
    this.diagnostics = page.locator('#function-diagnostics .diagnostic-message')
    this.underlined = page.locator('#function-diagnostics .diagnostic-mark')
    this.diagnosticSource = page.locator('#function-diagnostics .diagnostic-source')
    this.syntaxHelpButton = page.getByRole('button', { name: 'Syntax help' })
    this.syntaxHelp = page.getByRole('region', { name: 'Syntax help' })
  }

  async type(expression: string): Promise<void> {
    await this.input.fill(expression)
  }

  /** Pastes text whole into the input, as a clipboard paste does (no per-key typing). */
  async paste(text: string): Promise<void> {
    await this.input.focus()
    await this.input.evaluate((element, value) => {
      const input = element as HTMLInputElement
      input.value = value
      input.dispatchEvent(new Event('input', { bubbles: true }))
    }, text)
  }

  async chooseExample(expression: string): Promise<void> {
    await this.examples.selectOption(expression)
  }
}
