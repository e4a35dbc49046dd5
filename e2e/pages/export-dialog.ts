import type { Download, Locator, Page } from '@playwright/test'

/**
 * Export PNG… and Open PNG… in the header, the export dialog (scale, background, what to include), and
 * the messages they leave.
 */
export class ExportDialog {
  readonly exportButton: Locator
  readonly openButton: Locator
  readonly dialog: Locator
  readonly confirm: Locator
  readonly size: Locator
  readonly fileInput: Locator
  readonly message: Locator
  /** The dialog's "Include the computation graph" and "Include the notebook" boxes. */
  readonly withGraph: Locator
  readonly withNotebook: Locator
  /** What Open… offers when a PNG's notebook would replace the learner's own cells. */
  readonly notebookOffer: Locator
  readonly openOfferedNotebook: Locator

  constructor(readonly page: Page) {
    this.exportButton = page.getByTestId('export-png')
    this.openButton = page.getByTestId('open-png')
    this.dialog = page.getByTestId('export-dialog')
    this.confirm = page.getByTestId('export-confirm')
    this.size = page.getByTestId('export-size')
    this.fileInput = page.getByTestId('open-png-input')
    this.message = page.getByTestId('file-message')
    this.withGraph = page.getByTestId('export-with-graph')
    this.withNotebook = page.getByTestId('export-with-notebook')
    this.notebookOffer = page.getByTestId('png-notebook-offer')
    this.openOfferedNotebook = page.getByTestId('png-notebook-open')
  }

  async choose(scale: 1 | 2 | 3, background: 'White' | 'Transparent' | RegExp): Promise<void> {
    await this.dialog.getByRole('radio', { name: `${scale}×` }).check()
    await this.dialog.getByRole('radio', { name: background }).check()
  }

  /** Confirms the dialog and returns the file the web build downloads. */
  async exportAndDownload(): Promise<Download> {
    const download = this.page.waitForEvent('download')
    await this.confirm.click()
    return download
  }

  /** The live chart's size in CSS pixels. */
  chartSize(): Promise<{ width: number; height: number }> {
    return this.page
      .getByTestId('plot')
      .locator('canvas')
      .evaluate((canvas) => {
        const { width, height } = canvas.getBoundingClientRect()
        return { width: Math.round(width), height: Math.round(height) }
      })
  }

  /** Opens a file through the web build's file picker. */
  async open(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path)
  }

  /** Drops PNG bytes on the window, as a file dragged from the desktop would arrive. */
  async drop(name: string, bytes: Uint8Array): Promise<void> {
    await this.page.evaluate(
      ([fileName, base64]) => {
        const data = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0))
        const transfer = new DataTransfer()
        transfer.items.add(new File([data], fileName, { type: 'image/png' }))
        window.dispatchEvent(
          new DragEvent('dragover', { dataTransfer: transfer, cancelable: true }),
        )
        window.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, cancelable: true }))
      },
      [name, Buffer.from(bytes).toString('base64')] as const,
    )
  }
}
