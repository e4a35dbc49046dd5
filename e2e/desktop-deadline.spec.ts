import { TEST_DEADLINE_VARIABLE } from '../src-main/paths'
import { expect, test } from './fixtures'

/**
 * On the `desktop` target, a main of its own (hence a file of its own: the option starts a new worker) with
 * the deadline lowered through the test-only variable, which a packaged app ignores.
 */
test.skip(({ target }) => target !== 'desktop', 'needs the built main in the test process')
test.use({ desktopEnv: { [TEST_DEADLINE_VARIABLE]: '400' } })

test.describe('a request past the deadline', () => {
  test('is cut with a timeout diagnostic, and a fresh worker serves the next request', async ({
    explorer,
    desktopApp,
  }) => {
    const before = await desktopApp!.state()
    // Within every limit, the work budget included: the 999-character tower x^x^…^x twice differentiated
    // at the most samples the budget allows, about 1 s here, past the 400 ms deadline.
    const outcome = await explorer.page.evaluate(async () => {
      const bridge = (
        window as unknown as { calculus: { evaluate(request: unknown): Promise<unknown> } }
      ).calculus
      const started = performance.now()
      const result = await bridge.evaluate({
        expression: Array.from({ length: 500 }, () => 'x').join('^'),
        point: { x: 1.1 },
        wrt: 'x',
        domain: [0.5, 1.5],
        samples: 2404,
        secondDerivative: true,
      })
      return { result, ms: performance.now() - started }
    })
    expect(outcome.result).toMatchObject({ ok: false, diagnostics: [{ code: 'timeout' }] })
    expect(outcome.ms).toBeGreaterThanOrEqual(350)

    await explorer.fn.type('x^2 + 1')
    await explorer.variables.set('x', 3)
    await expect(explorer.values.f).toHaveText('10')
    const after = await desktopApp!.state()
    expect(after.workersStarted).toBe(before.workersStarted + 1)
    expect(after.workersAlive).toBe(1)
  })
})
