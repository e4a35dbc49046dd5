import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import type { ExplorerPage } from './pages/ExplorerPage'
import { GraphPanel } from './pages/GraphPanel'

/** The explorer on `expression` with the sliders at `point`, and the graph panel open. */
async function openGraph(
  explorer: ExplorerPage,
  appPage: Page,
  expression: string,
  point: Record<string, number> = {},
): Promise<GraphPanel> {
  const graph = new GraphPanel(appPage)
  await explorer.fn.type(expression)
  for (const [name, value] of Object.entries(point)) await explorer.variables.set(name, value)
  await graph.open()
  return graph
}

test.describe('the computation graph', () => {
  test('steps the backward pass of u*v + u^2 at (1, 2) to ∂f/∂u = 4 and ∂f/∂v = 1', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2', { u: 1, v: 2 })
    await expect(graph.node('PowBackward0')).toBeVisible()
    await expect(graph.node('MulBackward0')).toBeVisible()

    await graph.backward.click()
    // Before the pass, nothing has reached the leaves.
    await expect(graph.gradientOf('u')).toHaveText('—')
    await graph.step.click()
    await expect(graph.explanation).toContainText('AddBackward0 (u*v + u^2) received')
    await graph.stepBackwardToTheEnd()
    await expect(graph.explanation).toContainText('accumulated: 2 + 2 = 4')
    await expect(graph.gradientOf('u')).toHaveText('4')
    await expect(graph.gradientOf('v')).toHaveText('1')
    await expect(graph.node('u')).toHaveAttribute('aria-label', /gradient 4$/)

    await graph.stepBack.click()
    await expect(graph.gradientOf('u')).toHaveText('2')
  })

  test('hovering PowBackward0 highlights u^2 in the function input', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2')
    await graph.node('PowBackward0').hover()
    await expect(graph.inputHighlight).toHaveText(['u^2'])
    await graph.node('u').hover()
    await expect(graph.inputHighlight).toHaveText(['u', 'u'])
  })

  test('hovering PowBackward0 marks u^2 in the KaTeX formula; clicking within u^2 there selects it', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2')
    await graph.node('PowBackward0').hover()
    await expect(graph.formulaHighlight).toHaveCount(1)
    await expect(graph.formulaHighlight).toHaveAttribute('data-span', '6-9')
    await expect(graph.formulaPart('u*v + u^2', 'u^2')).toHaveClass(/formula-lit/)
    // Theme-coloured: the mark has a background, the rest of the formula none.
    await expect(graph.formulaHighlight).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)')
    await appPage.mouse.move(0, 0)
    await expect(graph.formulaHighlight).toHaveCount(0)

    // Within u^2, the u is the leaf's; the exponent 2 has no node of its own, so it stands for u^2.
    await graph.formulaPart('u*v + u^2', 'u^2').locator('[data-span="6-7"]').click()
    await expect(graph.node('u')).toHaveAttribute('aria-pressed', 'true')
    await graph.formulaPart('u*v + u^2', 'u^2').locator('[data-span="8-9"]').click()
    await expect(graph.node('PowBackward0')).toHaveAttribute('aria-pressed', 'true')
    await expect(graph.node('u')).toHaveAttribute('aria-pressed', 'false')
    await expect(graph.formulaHighlight).toHaveAttribute('data-span', '6-9')
    await expect(graph.inputHighlight).toHaveText(['u^2'])
  })

  test('the sum trick draws each vector node as a sparkline, marked at the sample chosen', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'x^2', { x: 2 })
    await graph.sumTrick.check()
    await expect(graph.node('SumBackward0')).toBeVisible()
    await expect(graph.sparkline('PowBackward0')).toBeVisible()
    await expect(graph.sparkline('x')).toBeVisible()
    await expect(graph.sparkline('SumBackward0')).toHaveCount(0)
    await expect(graph.sparkline('PowBackward0').locator('path')).toHaveCount(2)
    // The sample nearest x = 2 by default; the slider's arrow keys step it.
    await expect(graph.sampleText).toHaveText(/^sample \d+ of \d+, x = 2$/)
    await expect(graph.dataOf('PowBackward0')).toHaveText(/^4 \[/)
    const marker = graph.sparkline('PowBackward0').getByTestId('graph-spark-marker-data')
    const before = await marker.getAttribute('cx')
    await graph.sample.focus()
    await appPage.keyboard.press('ArrowRight')
    await expect(graph.sampleText).not.toHaveText(/x = 2$/)
    await expect(graph.dataOf('PowBackward0')).not.toHaveText(/^4 \[/)
    await expect(marker).not.toHaveAttribute('cx', before ?? '')
  })

  test('a click on the node curve on the plot selects its node; a click off it places the point', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2', { u: 1, v: 2 })
    // The keyboard's focus on PowBackward0 draws its curve, u^2 along u, on the plot.
    await graph.node('PowBackward0').focus()
    await expect
      .poll(async () => (await explorer.plot.plotted())?.node?.label)
      .toBe('u^2 (PowBackward0)')
    await expect(graph.node('PowBackward0')).toHaveAttribute('aria-pressed', 'false')

    // At u = 3 the curve is at 9 (f is at 15 there): the click lands on the curve, 2 px off it.
    const onCurve = await explorer.plot.pixelOf(3, 9)
    await appPage.mouse.click(onCurve.x, onCurve.y + 2)
    await expect(graph.node('PowBackward0')).toHaveAttribute('aria-pressed', 'true')
    await expect(explorer.variables.valueField('u')).toHaveValue('1')

    // With the toggle, the node's gradient ∂f/∂(u^2) = 1 is drawn too.
    await graph.showGradient.check()
    await expect
      .poll(async () => (await explorer.plot.plotted())?.nodeGradient?.data.every((p) => p.y === 1))
      .toBe(true)

    // Away from the curve a click places the point as before, and the node stays selected.
    await explorer.plot.clickAt(-3)
    await expect(explorer.variables.valueField('u')).toHaveValue('-3')
    await expect(graph.node('PowBackward0')).toHaveAttribute('aria-pressed', 'true')
  })

  test('a node selected in the formula is scrolled into the zoomed graph’s view', async ({
    explorer,
    appPage,
  }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2')
    for (let i = 0; i < 5; i++) await graph.zoomIn.click()
    // Zoomed in, the output is beyond the right edge of the graph's scroll area.
    await expect(graph.node('AddBackward0')).not.toBeInViewport()
    await graph.formulaOperator('+').click()
    await expect(graph.node('AddBackward0')).toHaveAttribute('aria-pressed', 'true')
    await expect(graph.node('AddBackward0')).toBeInViewport()
  })

  test('moves between nodes with the arrow keys', async ({ explorer, appPage }) => {
    const graph = await openGraph(explorer, appPage, 'u*v + u^2')
    await graph.node('PowBackward0').focus()
    await appPage.keyboard.press('ArrowRight')
    await expect(graph.node('AddBackward0')).toBeFocused()
    await appPage.keyboard.press('ArrowLeft')
    await expect(graph.node('MulBackward0')).toBeFocused()
  })
})
