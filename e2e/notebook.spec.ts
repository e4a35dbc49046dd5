import { readFileSync, writeFileSync } from 'node:fs'
import { expect, test } from './fixtures'
import { LabPanel } from './pages/lab-panel'
import { NotebookPage } from './pages/notebook-page'

test.describe('the notebook', () => {
  test('prints tensor(4.) for x.grad after y = x ** 2 and y.backward(), as PyTorch does', async ({
    explorer,
  }) => {
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    const cell = await notebook.addCodeCell([
      'import torch',
      'x = torch.tensor(2.0, requires_grad=True)',
      'y = x ** 2',
      'y.backward()',
      'x.grad',
    ])
    await notebook.run(cell)
    await expect(notebook.prompt(cell)).toHaveText('In [1]:')
    await expect(cell.getByTestId('nb-result')).toHaveText('tensor(4.)')

    // Cells share one namespace; Restart empties it and counts from 1 again.
    const next = await notebook.addCodeCell(['print(y)'])
    await notebook.run(next)
    await expect(notebook.prompt(next)).toHaveText('In [2]:')
    await expect(next.getByTestId('nb-stream')).toHaveText('tensor(4., grad_fn=<PowBackward0>)')
    await notebook.restart.click()
    await notebook.run(next)
    await expect(notebook.prompt(next)).toHaveText('In [1]:')
    await expect(next.getByTestId('nb-error')).toContainText("NameError: name 'y' is not defined")
  })

  test("opens f's graph from the cell output: MulBackward0, PowBackward0, AddBackward0 and the leaves u, v with gradients 4 and 1", async ({
    explorer,
  }) => {
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    await notebook.addCodeCell([
      'import torch',
      'u = torch.tensor(1.0, requires_grad=True)',
      'v = torch.tensor(2.0, requires_grad=True)',
      'f = u * v + u ** 2',
    ])
    // By its code, not as the last cell: another cell is added below it later.
    const cell = notebook.cellWithCode('f = u * v + u ** 2')
    await notebook.run(cell)
    // From the keyboard: the button is reached with Tab and pressed with Enter.
    const show = notebook.showGraphButton(cell, 'f')
    await show.focus()
    await explorer.page.keyboard.press('Enter')
    const graph = notebook.graph(cell)
    await expect(graph.getByRole('heading', { name: 'Computation graph of f' })).toBeFocused()
    for (const name of ['MulBackward0', 'PowBackward0', 'AddBackward0'])
      await expect(notebook.graphNode(cell, name)).toBeVisible()
    await expect(notebook.graphLeaf(cell, 'u')).toHaveAttribute(
      'aria-label',
      'leaf u, AccumulateGrad: data 1, gradient 4',
    )
    await expect(notebook.graphLeaf(cell, 'v')).toHaveAttribute(
      'aria-label',
      'leaf v, AccumulateGrad: data 2, gradient 1',
    )
    await graph.scrollIntoViewIfNeeded()
    await explorer.page.screenshot({ path: '/tmp/nbg/notebook-graph.png' })

    // The view left the namespace alone: backward() in the next cell gives the same numbers, once.
    const next = await notebook.addCodeCell(['f.backward()', 'print(u.grad, v.grad)'])
    await notebook.run(next)
    await expect(next.getByTestId('nb-stream')).toHaveText('tensor(4.) tensor(1.)')
    await expect(graph.getByTestId('nb-graph-note')).toContainText(
      'The backward pass is not available',
    )
    // Escape from inside the view (a node has the focus) closes it.
    await notebook.graphLeaf(cell, 'u').focus()
    await explorer.page.keyboard.press('Escape')
    await expect(graph).toHaveCount(0)
  })

  test("opens the lab's notebook; its partial-derivative cell raises NameError as written", async ({
    explorer,
  }) => {
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    await notebook.openLab.click()
    await expect(notebook.title).toHaveText('differentiation-in-pytorch.ipynb')
    await expect(
      notebook.view.getByRole('heading', { name: 'Differentiation in PyTorch' }),
    ).toBeVisible()
    // Run all stops at the lab's bug, as Jupyter's does.
    await notebook.runAll.click()
    const broken = notebook.cellWithCode('# Calculate f(u, v)')
    const error = broken.getByTestId('nb-error')
    await expect(error).toContainText("NameError: name 'u' is not defined")
    await expect(broken.getByTestId('nb-why')).toContainText("create 'u' first")
    await expect(notebook.prompt(notebook.cellWithCode('torch.linspace(-10, 10, 10'))).toHaveText(
      'In [ ]:',
    )
    // The fixed cell after it runs, and so does the figure cell.
    const fixed = notebook.cellWithCode('u = torch.tensor(1.0, requires_grad=True)')
    await notebook.run(fixed)
    await expect(fixed.getByTestId('nb-stream')).toHaveText(
      'tensor(3., grad_fn=<AddBackward0>)\ntensor(4.)\ntensor(1.)',
    )
    const plot = notebook.cellWithCode('torch.linspace(-10, 10, 10')
    await notebook.run(plot)
    await expect(plot.getByTestId('nb-figure')).toContainText('function')
    await expect(plot.getByTestId('nb-figure')).toContainText('derivative')
  })

  test('exports a .ipynb with the outputs, and opens it back', async ({
    explorer,
    target,
  }, testInfo) => {
    // The desktop app saves through main's saveNotebook and the native dialog (e2e/desktop.spec.ts).
    test.skip(target !== 'web', 'the web build downloads; the desktop app uses a native dialog')
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    const cell = await notebook.addCodeCell(['import torch', 'torch.tensor(0.1).item()'])
    await notebook.run(cell)
    await expect(cell.getByTestId('nb-result')).toHaveText('0.10000000149011612')
    const download = explorer.page.waitForEvent('download')
    await notebook.exportButton.click()
    const file = testInfo.outputPath('exported.ipynb')
    await (await download).saveAs(file)
    const saved = JSON.parse(readFileSync(file, 'utf8')) as {
      nbformat: number
      cells: { execution_count: number | null; outputs: { output_type: string }[] }[]
    }
    expect(saved.nbformat).toBe(4)
    const last = saved.cells.at(-1)
    expect(last?.execution_count).toBe(1)
    expect(last?.outputs[0]?.output_type).toBe('execute_result')

    await notebook.openLab.click()
    await notebook.fileInput.setInputFiles(file)
    await expect(notebook.status).toContainText('Opened exported.ipynb')
    await expect(notebook.cells.last().getByTestId('nb-result')).toHaveText('0.10000000149011612')
  })

  test('"Open in explorer" plots the cell\'s function', async ({ explorer }) => {
    const notebook = new NotebookPage(explorer.page)
    await notebook.open()
    await notebook.openLab.click()
    await notebook.cellWithCode('y = x ** 2 + 2 * x + 1').getByTestId('nb-explore').click()
    await expect(explorer.fn.input).toHaveValue('x^2 + 2 * x + 1')
    await expect(explorer.values.slope).toHaveText('6')
  })
})

test.describe("the lab's runnable cells", () => {
  test('the partial-derivative step raises NameError as the lab wrote it, then runs fixed', async ({
    explorer,
  }) => {
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.resume.click()
    for (let i = 0; i < 3; i++) await lab.next.click()
    await expect(lab.stepHeading).toHaveText('Partial derivatives of uv + u²')
    const cell = explorer.page.getByTestId('lab-cell')
    await cell.getByTestId('lab-cell-run').click()
    await expect(cell.getByTestId('nb-error')).toContainText("NameError: name 'u' is not defined")
    await expect(cell.getByTestId('lab-pitfall')).toContainText('without creating them')
    await cell.getByTestId('lab-apply-fix').click()
    await cell.getByTestId('lab-cell-run').click()
    await expect(cell.getByTestId('nb-stream')).toHaveText(
      'tensor(3., grad_fn=<AddBackward0>)\ntensor(4.)\ntensor(1.)',
    )
  })

  test('a practice step accepts a code answer: the printed gradient is checked', async ({
    explorer,
  }) => {
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.resume.click()
    await lab.next.click()
    await lab.next.click()
    await expect(lab.stepHeading).toHaveText('Practice: 2x³ + x at x = 1')
    const cell = explorer.page.getByTestId('lab-cell')
    await cell.locator('.cm-content').click()
    await explorer.page.keyboard.press('Control+End')
    for (const line of ['y = 2 * x ** 3 + x', 'y.backward()', 'print(x.grad)']) {
      await explorer.page.keyboard.press('Enter')
      await explorer.page.keyboard.type(line)
    }
    await explorer.page.keyboard.press('Shift+Enter')
    await expect(cell.getByTestId('nb-stream')).toHaveText('tensor(7.)')
    await expect(lab.feedback).toContainText('Correct')
  })
})

test.describe('notebooks in the desktop app', () => {
  test.skip(
    ({ target }) => target === 'web',
    'the native file dialogs exist only in the desktop app',
  )

  test('File › Open… opens a .ipynb through the native dialog, in the notebook view', async ({
    explorer,
    fileDialogs,
  }, testInfo) => {
    const file = testInfo.outputPath('from-jupyter.ipynb')
    writeFileSync(
      file,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 4,
        metadata: {},
        cells: [
          { cell_type: 'markdown', metadata: {}, source: ['# From Jupyter'] },
          {
            cell_type: 'code',
            metadata: {},
            execution_count: null,
            outputs: [],
            source: ['import torch\n', 'torch.tensor(2.0) ** 2'],
          },
        ],
      }),
    )
    await fileDialogs.answerWith(file)
    await explorer.page.getByTestId('open-png').click()
    const notebook = new NotebookPage(explorer.page)
    await expect(notebook.view).toBeVisible()
    await expect(notebook.title).toHaveText('from-jupyter.ipynb')
    const cell = notebook.cellWithCode('torch.tensor(2.0) ** 2')
    await notebook.run(cell)
    await expect(cell.getByTestId('nb-result')).toHaveText('tensor(4.)')
  })
})
