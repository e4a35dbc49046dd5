import type { Locator, Page } from '@playwright/test'

/**
 * The computation graph panel: its nodes, the stepper, and what it links to: the highlight in the
 * function input, and the parts of f's KaTeX formula (each tagged with its source span).
 */
export class GraphPanel {
  readonly panel: Locator
  readonly toggle: Locator
  readonly backward: Locator
  readonly forward: Locator
  readonly step: Locator
  readonly stepBack: Locator
  readonly explanation: Locator
  readonly inputHighlight: Locator
  readonly formula: Locator
  readonly sumTrick: Locator
  readonly showGradient: Locator
  readonly zoomIn: Locator
  readonly sample: Locator
  readonly sampleText: Locator
  readonly formulaHighlight: Locator

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('graph-panel')
    this.toggle = page.getByTestId('graph-toggle')
    this.backward = page.getByTestId('graph-backward')
    this.forward = page.getByTestId('graph-forward')
    this.step = page.getByTestId('graph-step')
    this.stepBack = page.getByTestId('graph-step-back')
    this.explanation = page.getByTestId('graph-explain')
    this.inputHighlight = page.locator('[data-testid="function-highlight"] mark')
    this.formula = page.getByTestId('formula-f')
    this.sumTrick = page.getByTestId('graph-sum-trick')
    this.showGradient = page.getByTestId('graph-show-gradient')
    this.zoomIn = this.panel.getByRole('button', { name: 'Zoom in' })
    this.sample = page.getByTestId('graph-sample')
    this.sampleText = page.getByTestId('graph-sample-text')
    this.formulaHighlight = this.formula.locator('.formula-lit')
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

  /** The typeset part of `part`, the first place it is written in `expression` (`u^2` of `u*v + u^2`). */
  formulaPart(expression: string, part: string): Locator {
    const start = expression.indexOf(part)
    if (start < 0) throw new Error(`'${part}' is not in '${expression}'`)
    return this.formula.locator(`[data-span="${start}-${start + part.length}"]`).first()
  }

  /** A binary operator sign of the formula (`+`), which stands for the operation around it. */
  formulaOperator(sign: string): Locator {
    return this.formula.locator('.mbin', { hasText: sign }).first()
  }

  /** A vector node's sparkline (the sum trick's linspace), and its marker at the sample shown. */
  sparkline(nameOrLeaf: string): Locator {
    return this.node(nameOrLeaf).getByTestId('graph-sparkline')
  }

  dataOf(nameOrLeaf: string): Locator {
    return this.node(nameOrLeaf).getByTestId('graph-data')
  }

  gradientOf(nameOrLeaf: string): Locator {
    return this.node(nameOrLeaf).getByTestId('graph-grad')
  }

  async stepBackwardToTheEnd(): Promise<void> {
    await this.backward.click()
    while (await this.step.isEnabled()) await this.step.click()
  }
}
