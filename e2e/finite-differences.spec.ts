import { expect, test } from './fixtures'

test.describe('check with finite differences', () => {
  test('dots over f′ and an error plot; in float32 the error grows by orders of magnitude', async ({
    explorer,
  }) => {
    const { plot } = explorer
    await explorer.fn.type('x^2')
    await expect(plot.fdErrorPlot).toHaveCount(0)
    await plot.finiteDifferences.check()
    await expect(plot.fdErrorPlot).toBeVisible()
    await expect.poll(async () => (await plot.plotted())?.fd?.precision).toBe('float64')
    const f64 = (await plot.plotted())!.fd!
    expect(f64.dots.length).toBeGreaterThan(0)
    // gradcheck's central difference of x² is 2x up to rounding: about 1e-9 in float64.
    const largest64 = Number(await plot.fdErrorPlot.getAttribute('data-largest'))
    expect(largest64).toBeLessThan(1e-6)

    await plot.fdPrecision.selectOption('float32')
    await expect.poll(async () => (await plot.plotted())?.fd?.precision).toBe('float32')
    await expect(plot.fdErrorPlot).toContainText('float32')
    const largest32 = Number(await plot.fdErrorPlot.getAttribute('data-largest'))
    expect(largest32).toBeGreaterThan(1e4 * largest64)

    await plot.finiteDifferences.uncheck()
    await expect(plot.fdErrorPlot).toHaveCount(0)
    await expect.poll(async () => (await plot.plotted())?.fd ?? null).toBe(null)
  })
})
