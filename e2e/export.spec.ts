import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { expect, test } from './fixtures'
import { ExportDialog } from './pages/export-dialog'
import { NotebookPage } from './pages/notebook-page'
import { GRAPH_PALETTES } from '../core/graph/palette'
import { countColor, pixel, type Bitmap } from '../core/test-support/pixels'

/** The columns [from, to) of an image, as an image of their own. */
function region(image: PNG, from: number, to: number): Bitmap {
  const width = to - from
  const data = new Uint8Array(width * image.height * 4)
  for (let y = 0; y < image.height; y++) {
    const row = (image.width * y + from) * 4
    data.set(image.data.subarray(row, row + width * 4), width * y * 4)
  }
  return { width, height: image.height, data }
}

const rgb = (hex: string): [number, number, number] => [
  parseInt(hex.slice(1, 3), 16),
  parseInt(hex.slice(3, 5), 16),
  parseInt(hex.slice(5, 7), 16),
]

test.describe('PNG export', () => {
  // The desktop app saves through the native dialog, which a test cannot click; the web build downloads.
  test.skip(
    ({ target }) => target !== 'web',
    'the web build downloads; the desktop app uses a native dialog',
  )

  test('exports at 2× a PNG twice the chart’s size, opaque white, with blue f and orange f′', async ({
    explorer,
  }) => {
    const exporter = new ExportDialog(explorer.page)
    await explorer.fn.type('x^2')
    await explorer.variables.set('x', 2)
    await expect(explorer.values.slope).toHaveText('4')
    const chart = await exporter.chartSize()
    await explorer.page.keyboard.press('Control+e')
    await expect(exporter.dialog).toBeVisible()
    await exporter.choose(2, 'White')
    await expect(exporter.size).toHaveText(
      `Image size: ${chart.width * 2} × ${chart.height * 2} pixels`,
    )
    const download = await exporter.exportAndDownload()
    expect(download.suggestedFilename()).toBe('calculus-lab-x2.png')
    const png = PNG.sync.read(readFileSync(await download.path()))
    expect([png.width, png.height]).toEqual([chart.width * 2, chart.height * 2])
    const { width, height } = png
    for (const [x, y] of [
      [0, 0],
      [width - 1, 0],
      [0, height - 1],
      [width - 1, height - 1],
    ]) {
      expect(pixel(png, x!, y!)).toEqual([255, 255, 255, 255])
    }
    expect(countColor(png, [0x1f, 0x77, 0xb4])).toBeGreaterThan(1000)
    expect(countColor(png, [0xff, 0x7f, 0x0e])).toBeGreaterThan(1000)
    await expect(exporter.message).toHaveText(/Downloaded calculus-lab-x2\.png/)
  })

  test('with the graph, the PNG is wider: the plot on the left, the graph at the point on the right, and it still reopens', async ({
    explorer,
  }) => {
    const exporter = new ExportDialog(explorer.page)
    const { fn, variables, values } = explorer
    await fn.type('u*v + u^2')
    await variables.set('u', 1)
    await variables.set('v', 2)
    await expect(values.partial('u')).toHaveText('4')
    const chart = await exporter.chartSize()
    await exporter.exportButton.click()
    await expect(exporter.withGraph).not.toBeChecked()
    await exporter.choose(2, 'White')
    await exporter.withGraph.check()
    await expect(exporter.size).toContainText('and the graph to its right')
    const download = await exporter.exportAndDownload()
    const file = await download.path()
    const png = PNG.sync.read(readFileSync(file))
    expect(png.height).toBe(chart.height * 2)
    expect(png.width).toBeGreaterThan(chart.width * 2 + 200)

    const plot = region(png, 0, chart.width * 2)
    const graph = region(png, chart.width * 2, png.width)
    // The plot is where it always was: blue f on white.
    expect(countColor(plot, [0x1f, 0x77, 0xb4])).toBeGreaterThan(1000)
    expect(pixel(png, png.width - 1, 0)).toEqual([255, 255, 255, 255])
    // The graph's panel, its leaves' fill (u and v), the output's orange border and text: not blank.
    const light = GRAPH_PALETTES.light
    expect(countColor(graph, rgb(light.background))).toBeGreaterThan(20_000)
    expect(countColor(graph, rgb(light.leaf))).toBeGreaterThan(5_000)
    expect(countColor(graph, rgb(light.output), 40)).toBeGreaterThan(200)
    expect(countColor(graph, rgb(light.text), 40)).toBeGreaterThan(200)

    // The session inside is the plot's: opening the file restores it.
    await fn.type('sin(x)')
    await exporter.open(file)
    await expect(fn.input).toHaveValue('u*v + u^2')
    await expect(values.partial('u')).toHaveText('4')
  })

  test('a transparent export leaves the corners clear', async ({ explorer }) => {
    const exporter = new ExportDialog(explorer.page)
    await exporter.exportButton.click()
    await exporter.choose(1, 'Transparent')
    const png = PNG.sync.read(readFileSync(await (await exporter.exportAndDownload()).path()))
    const chart = await exporter.chartSize()
    expect([png.width, png.height]).toEqual([chart.width, chart.height])
    expect(pixel(png, 0, 0)[3]).toBe(0)
  })

  test('opening an exported PNG restores the function, point, plotted variable and view', async ({
    explorer,
  }) => {
    const exporter = new ExportDialog(explorer.page)
    const { fn, variables, values, plot } = explorer
    await fn.type('u*v + u^2')
    await variables.set('u', 1)
    await variables.set('v', 2)
    await variables.plotAgainst('v')
    await plot.zoomInButton.click()
    await expect(values.slope).toHaveText('1')
    await expect.poll(async () => (await plot.plotted())?.xDomain).toEqual([-4, 4])
    await exporter.exportButton.click()
    const file = await (await exporter.exportAndDownload()).path()

    await fn.type('sin(x)')
    await variables.set('u', 3)
    await plot.resetButton.click()
    await expect.poll(async () => (await plot.plotted())?.wrt).toBe('x')

    await exporter.open(file)
    await expect(exporter.message).toContainText('Opened')
    await expect(fn.input).toHaveValue('u*v + u^2')
    await expect(variables.wrtChoice('v')).toBeChecked()
    await expect(values.partial('u')).toHaveText('4')
    await expect(values.slope).toHaveText('1')
    await expect.poll(async () => (await plot.plotted())?.xDomain).toEqual([-4, 4])

    // Dropping the file on the window restores it too.
    await fn.type('x^3')
    await exporter.drop('plot.png', readFileSync(file))
    await expect(fn.input).toHaveValue('u*v + u^2')
  })

  test('a PNG exported with the notebook brings its cells back on Open…, never over the learner’s own unasked', async ({
    explorer,
  }) => {
    const exporter = new ExportDialog(explorer.page)
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    const cell = await notebook.addCodeCell(['import torch', 'torch.tensor(5.0) ** 2'])
    await notebook.run(cell)
    await expect(cell.getByTestId('nb-result')).toHaveText('tensor(25.)')
    const exported = await notebook.cells.count()
    await notebook.backToExplorer.click()
    await explorer.fn.type('x^2 + 1')
    await expect(explorer.values.f).toHaveText('5')

    await exporter.exportButton.click()
    await expect(exporter.withNotebook).toBeChecked()
    await expect(exporter.dialog).toContainText(`Include the notebook (${exported} cells)`)
    const file = await (await exporter.exportAndDownload()).path()

    // The learner goes on: a new cell and another function.
    await notebook.open()
    await notebook.addCodeCell(['w = 9'])
    await notebook.backToExplorer.click()
    await explorer.fn.type('sin(x)')

    await exporter.open(file)
    await expect(explorer.fn.input).toHaveValue('x^2 + 1')
    await expect(exporter.notebookOffer).toContainText(
      `also carries a notebook of ${exported} cells. Your notebook was kept.`,
    )
    await notebook.open()
    await expect(notebook.cellWithCode('w = 9')).toBeVisible()
    await exporter.openOfferedNotebook.click()
    await expect(notebook.cells).toHaveCount(exported)
    await expect(notebook.cellWithCode('w = 9')).toHaveCount(0)
    const restored = notebook.cellWithCode('torch.tensor(5.0) ** 2')
    await expect(restored.getByTestId('nb-result')).toHaveText('tensor(25.)')
    await expect(exporter.message).toContainText('Opened the notebook of')
  })
})

test.describe('opening a PNG', () => {
  test('a PNG that Calculus Lab did not export gets a clear message', async ({ explorer }) => {
    const exporter = new ExportDialog(explorer.page)
    const foreign = new PNG({ width: 4, height: 4 })
    foreign.data.fill(200)
    await exporter.drop('photo.png', PNG.sync.write(foreign))
    await expect(exporter.message).toHaveText(
      /photo\.png: This PNG has no Calculus Lab plot in it\. Only images exported by Calculus Lab can be opened\./,
    )
    await expect(explorer.fn.input).toHaveValue('x^2')
  })
})

test.describe('PNG export in the desktop app', () => {
  test.skip(
    ({ target }) => target === 'web',
    'the native file dialogs exist only in the desktop app',
  )

  test('saves through the native save dialog and opens the file again through the open dialog', async ({
    explorer,
    fileDialogs,
  }) => {
    const exporter = new ExportDialog(explorer.page)
    const file = join(tmpdir(), `calculus-lab-e2e-${process.pid}.png`)
    // The dialogs themselves cannot be clicked: main's dialog module answers as a learner would.
    await fileDialogs.answerWith(file)
    try {
      await explorer.fn.type('x^2 + 2x + 1')
      await expect(explorer.values.f).toHaveText('9')
      const chart = await exporter.chartSize()
      await exporter.exportButton.click()
      await exporter.choose(2, 'White')
      await exporter.confirm.click()
      await expect(exporter.message).toHaveText(new RegExp(`Saved ${file}`))
      const png = PNG.sync.read(readFileSync(file))
      expect([png.width, png.height]).toEqual([chart.width * 2, chart.height * 2])
      expect(pixel(png, 0, 0)).toEqual([255, 255, 255, 255])

      await explorer.fn.type('sin(x)')
      await exporter.openButton.click()
      await expect(explorer.fn.input).toHaveValue('x^2 + 2x + 1')
      await expect(explorer.values.f).toHaveText('9')
    } finally {
      rmSync(file, { force: true })
    }
  })
})
