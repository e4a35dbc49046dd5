import { expect, test } from './fixtures'

test.describe('the explorer', () => {
  test('shows f = 4, f′ = 4 and the tangent y = 4x − 4 for x^2 at x = 2', async ({ explorer }) => {
    await explorer.fn.type('x^2')
    await explorer.variables.set('x', 2)
    await expect(explorer.values.f).toHaveText('4')
    await expect(explorer.values.slope).toHaveText('4')
    await expect(explorer.values.tangent).toHaveText('y = 4x − 4')
  })

  test('updates f, f′ and the tangent while x is dragged', async ({ explorer }) => {
    await explorer.fn.type('x^2')
    const before = await explorer.plot.renders()
    await explorer.variables.drag('x', 0.8)
    const x = await explorer.variables.currentValue('x')
    expect(x).toBeGreaterThan(2.5)
    await expect(explorer.values.f).toHaveText(String(Number((x * x).toPrecision(6))))
    await expect(explorer.values.slope).toHaveText(String(Number((2 * x).toPrecision(6))))
    const point = (await explorer.plot.plotted())?.point
    expect(point?.x).toBeCloseTo(x)
    expect(await explorer.plot.renders()).toBeGreaterThan(before)
  })

  test('shows ∂f/∂u = 4 and ∂f/∂v = 1 for u*v + u^2 at u = 1, v = 2', async ({ explorer }) => {
    await explorer.fn.type('u*v + u^2')
    await explorer.variables.set('u', 1)
    await explorer.variables.set('v', 2)
    await explorer.variables.plotAgainst('u')
    await expect(explorer.values.f).toHaveText('3')
    await expect(explorer.values.partial('u')).toHaveText('4')
    await expect(explorer.values.partial('v')).toHaveText('1')
    // The slice along u has the partial along u as its tangent slope.
    await expect(explorer.values.slope).toHaveText('4')
    await expect(explorer.values.tangent).toHaveText('y = 4u − 1')
    await expect.poll(async () => (await explorer.plot.plotted())?.wrt).toBe('u')
  })

  test('shows relu(x) with slope 0 left of 0 and 1 right of it', async ({ explorer }) => {
    await explorer.fn.type('relu(x)')
    await explorer.variables.set('x', -1.5)
    await expect(explorer.values.slope).toHaveText('0')
    await explorer.variables.set('x', 1.5)
    await expect(explorer.values.slope).toHaveText('1')
    const plotted = await explorer.plot.plotted()
    // f′ breaks at relu's kink (a NaN point, no vertical stroke from 0 to 1): the rest are samples.
    const slopes = (plotted?.df ?? []).filter((p) => !Number.isNaN(p.y))
    expect(slopes.length).toBeLessThan(plotted?.df.length ?? 0)
    expect(slopes.filter((p) => p.x < 0).every((p) => p.y === 0)).toBe(true)
    expect(slopes.filter((p) => p.x > 0).every((p) => p.y === 1)).toBe(true)
  })

  test('underlines the offending ^ of x^^2 and keeps the last plot', async ({ explorer }) => {
    await explorer.fn.type('x^2')
    await expect(explorer.values.f).toHaveText('4')
    const valid = await explorer.plot.plotted()
    await explorer.fn.type('x^^2')
    await expect(explorer.fn.diagnostics.first()).toBeVisible()
    await expect(explorer.fn.diagnosticSource.first()).toHaveText('x^^2')
    await expect(explorer.fn.underlined.first()).toHaveText('^')
    const start = await explorer.fn.diagnosticSource
      .first()
      .evaluate((source) => (source.firstChild?.textContent ?? '').length)
    expect(start).toBe(2)
    await expect(explorer.fn.input).toHaveAttribute('aria-invalid', 'true')
    expect(await explorer.plot.plotted()).toEqual(valid)
    await expect(explorer.values.f).toHaveText('4')
  })

  test('draws no line across the pole of 1/x', async ({ explorer }) => {
    await explorer.fn.type('1/x')
    await expect
      .poll(async () => (await explorer.plot.plotted())?.f.length ?? 0)
      .toBeGreaterThan(10)
    const f = (await explorer.plot.plotted())?.f ?? []
    const crossing = f.findIndex((p, i) => i > 0 && (f[i - 1]?.x ?? 0) < 0 && p.x >= 0)
    expect(crossing).toBeGreaterThan(0)
    // Between the last sample left of 0 and the first right of it there is a gap (a NaN point).
    const around = f.slice(crossing - 1, crossing + 2).map((p) => p.y)
    expect(around.some((y) => Number.isNaN(y))).toBe(true)
    // And nowhere else: the two branches are whole lines.
    expect(f.filter((p) => Number.isNaN(p.y))).toHaveLength(1)
  })

  test('restores the function, sliders, plotted variable and theme after a restart', async ({
    explorer,
  }) => {
    await explorer.fn.type('u*v + u^2')
    await explorer.variables.set('u', 3)
    await explorer.variables.plotAgainst('u')
    await explorer.themeToggle.click()
    const theme = await explorer.theme()
    await expect(explorer.values.partial('u')).toHaveText('8')
    await explorer.restart()
    await expect(explorer.fn.input).toHaveValue('u*v + u^2')
    await expect(explorer.variables.valueField('u')).toHaveValue('3')
    await expect(explorer.variables.wrtChoice('u')).toBeChecked()
    await expect(explorer.values.partial('u')).toHaveText('8')
    expect(await explorer.theme()).toBe(theme)
    await expect(explorer.notice).toHaveCount(0)
  })

  test('replaces a damaged saved session with defaults and a notice', async ({ explorer }) => {
    // Damage the saved session after the app's own last save, as a crash or another program might.
    await explorer.page.evaluate(() =>
      window.addEventListener('pagehide', () =>
        localStorage.setItem('calculus-lab:session', '{"version": 1, "expression": 42'),
      ),
    )
    await explorer.restart()
    await expect(explorer.notice).toContainText('Started with the default session')
    await expect(explorer.fn.input).toHaveValue('x^2')
    await expect(explorer.values.f).toHaveText('4')
  })

  test('zooms and resets the view with the toolbar', async ({ explorer }) => {
    await explorer.plot.zoomInButton.click()
    await expect.poll(async () => (await explorer.plot.plotted())?.xDomain).toEqual([-4, 4])
    await explorer.plot.resetButton.click()
    await expect.poll(async () => (await explorer.plot.plotted())?.xDomain).toEqual([-5, 5])
  })

  test('zooms with the wheel around the cursor, pans with a drag, and resamples the new view', async ({
    explorer,
  }) => {
    const domainOf = async () => (await explorer.plot.plotted())?.xDomain ?? [NaN, NaN]
    await explorer.plot.wheelAt(0.5, -300)
    await expect.poll(async () => (await domainOf())[1] - (await domainOf())[0]).toBeLessThan(10)
    const zoomed = await domainOf()
    await explorer.plot.dragBy(200)
    // Dragging to the right brings smaller values into view.
    await expect.poll(async () => (await domainOf())[0]).toBeLessThan(zoomed[0])
    const plotted = await explorer.plot.plotted()
    const [min, max] = plotted?.xDomain ?? [NaN, NaN]
    expect(plotted?.f[0]?.x).toBeCloseTo(min)
    expect(plotted?.f[plotted.f.length - 1]?.x).toBeCloseTo(max)
    expect(max - min).toBeCloseTo(zoomed[1] - zoomed[0])
  })
})
