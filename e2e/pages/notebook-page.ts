import { expect, type Locator, type Page } from '@playwright/test'

/** The notebook view: its toolbar, its cells (editor, In [n], outputs) and the files it opens. */
export class NotebookPage {
  readonly switchTo: Locator
  readonly backToExplorer: Locator
  readonly view: Locator
  readonly title: Locator
  readonly cells: Locator
  readonly runAll: Locator
  readonly restart: Locator
  readonly addCode: Locator
  readonly openLab: Locator
  readonly exportButton: Locator
  readonly fileInput: Locator
  readonly status: Locator

  constructor(readonly page: Page) {
    this.switchTo = page.getByTestId('view-notebook')
    this.backToExplorer = page.getByTestId('view-explorer')
    this.view = page.getByTestId('notebook')
    this.title = page.locator('#notebook-title')
    this.cells = page.getByTestId('nb-cell')
    this.runAll = page.getByTestId('nb-run-all')
    this.restart = page.getByTestId('nb-restart')
    this.addCode = page.getByTestId('nb-add-code')
    this.openLab = page.getByTestId('nb-open-lab')
    this.exportButton = page.getByTestId('nb-export')
    this.fileInput = page.getByTestId('nb-open-input')
    this.status = page.getByTestId('nb-status')
  }

  async open(): Promise<void> {
    await this.switchTo.click()
    await expect(this.view).toBeVisible()
  }

  cell(index: number): Locator {
    return this.cells.nth(index)
  }

  /** The cell whose code contains `text`. */
  cellWithCode(text: string): Locator {
    return this.cells.filter({ has: this.page.locator('.cm-content', { hasText: text }) }).first()
  }

  prompt(cell: Locator): Locator {
    return cell.getByTestId('nb-prompt')
  }

  outputs(cell: Locator): Locator {
    return cell.getByTestId('nb-outputs')
  }

  /** The button under a cell's output that opens the graph of the tensor `name`. */
  showGraphButton(cell: Locator, name: string): Locator {
    return cell.getByRole('button', { name: `Show the computation graph of ${name}`, exact: true })
  }

  /** The graph view open under a cell. */
  graph(cell: Locator): Locator {
    return cell.getByTestId('nb-graph')
  }

  /** A node of the open graph by PyTorch's name (`MulBackward0`), or a leaf by its variable. */
  graphNode(cell: Locator, name: string): Locator {
    return this.graph(cell).locator(`.graph-node[data-name="${name}"]`)
  }

  graphLeaf(cell: Locator, label: string): Locator {
    return this.graph(cell).locator(`.graph-node.leaf[data-label="${label}"]`)
  }

  /** Adds a code cell at the end and types `lines` into it, one line each, as a learner types. */
  async addCodeCell(lines: string[]): Promise<Locator> {
    await this.addCode.click()
    const cell = this.cells.last()
    await cell.locator('.cm-content').click()
    for (const [i, line] of lines.entries()) {
      if (i > 0) await this.page.keyboard.press('Enter')
      await this.page.keyboard.type(line)
    }
    return cell
  }

  /** Runs the cell with Shift+Enter, from its editor, and waits until it is no longer In [*]. */
  async run(cell: Locator): Promise<void> {
    await cell.locator('.cm-content').click()
    await this.page.keyboard.press('Shift+Enter')
    await expect(this.prompt(cell)).not.toHaveText('In [*]:')
  }
}
