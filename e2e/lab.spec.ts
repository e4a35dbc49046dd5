import { expect, test } from './fixtures'
import { LabPanel } from './pages/lab-panel'

test.describe('the lab walkthrough', () => {
  test('goes through all eight steps, with the numbers each one talks about', async ({
    explorer,
  }) => {
    const lab = new LabPanel(explorer.page)
    const { values, plot } = explorer
    await lab.open()
    await expect(lab.count).toHaveText('0 of 8 steps done')
    await lab.resume.click()

    // 1: y = x² at x = 2
    await expect(lab.stepHeading).toHaveText('The derivative of x² at x = 2')
    await lab.show()
    await expect(explorer.fn.input).toHaveValue('x^2')
    await expect(values.f).toHaveText('4')
    await expect(values.slope).toHaveText('4')
    await expect(lab.liveValues).toHaveText(['4 ✓', '4 ✓'])
    await lab.next.click()

    // 2: y = x² + 2x + 1 at x = 2
    await lab.show()
    await expect(values.f).toHaveText('9')
    await expect(values.slope).toHaveText('6')
    await lab.next.click()

    // 3: practice, 2x³ + x at x = 1: a wrong try, the hint, then 7.
    await expect(lab.stepHeading).toHaveText('Practice: 2x³ + x at x = 1')
    await expect(lab.hint).toBeHidden()
    await lab.submitAnswer('6')
    await expect(lab.feedback).toContainText('Not yet')
    await expect(lab.hint).toBeVisible()
    await lab.submitAnswer('7')
    await expect(lab.feedback).toContainText('Correct')
    await expect(lab.hint).toBeHidden()
    await lab.next.click()

    // 4: partial derivatives of uv + u² at u = 1, v = 2: along u, then along v.
    await lab.show(0)
    await expect(values.f).toHaveText('3')
    await expect(values.partial('u')).toHaveText('4')
    await expect(values.partial('v')).toHaveText('1')
    await expect(values.slope).toHaveText('4')
    await lab.show(1)
    await expect.poll(async () => (await plot.plotted())?.wrt).toBe('v')
    await expect(values.slope).toHaveText('1')
    await lab.next.click()

    // 5: linspace(−10, 10, 10): the ten samples themselves, with x.grad = 2x.
    await lab.show()
    await expect.poll(async () => (await plot.plotted())?.f.length).toBe(10)
    const ten = (await plot.plotted())!
    expect(ten.xDomain).toEqual([-10, 10])
    ten.f.forEach(({ x }, i) => expect(x).toBeCloseTo(-10 + (20 * i) / 9, 9))
    ten.df.forEach(({ x, y }) => expect(y).toBeCloseTo(2 * x, 9))
    await lab.next.click()

    // 6: relu over linspace(−3, 3, 100): slope 0 left of 0, 1 right of it.
    await lab.show()
    // The hundred samples, and f′ broken at the kink between the two samples around 0 (a NaN point).
    const samples = (points: { x: number; y: number }[] | undefined) =>
      points?.filter((p) => !Number.isNaN(p.y))
    await expect.poll(async () => samples((await plot.plotted())?.df)?.length).toBe(100)
    const hundred = (await plot.plotted())!
    samples(hundred.df)!.forEach(({ x, y }) => expect(y).toBe(x < 0 ? 0 : 1))
    await lab.next.click()

    // 7: where autograd and the derivative part ways: 101 samples, one on relu's kink.
    await expect(lab.stepHeading).toHaveText('Where autograd and the derivative part ways')
    await lab.show()
    await expect.poll(async () => (await plot.plotted())?.xDomain).toEqual([-3, 3])
    await lab.next.click()

    // 8: practice, ∂f/∂u of uv + (uv)² at u = 2, v = 1: 5, and the worked solution.
    await expect(lab.stepHeading).toHaveText('Practice: ∂f/∂u of uv + (uv)²')
    await lab.submitAnswer('4')
    await expect(lab.feedback).toContainText('Not yet')
    await lab.submitAnswer('5')
    await expect(lab.feedback).toContainText('Correct')
    await lab.showSolution.click()
    await expect(lab.solution).toContainText('= 5')
    await expect(lab.next).toHaveText('Finish')
    await lab.next.click()

    await expect(lab.count).toHaveText('8 of 8 steps done')
    for (let n = 1; n <= 8; n++) await expect(lab.step(n)).toHaveClass(/done/)
  })

  test('keeps progress across a reload and resumes at the step where the learner stopped', async ({
    explorer,
  }) => {
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.step(3).click()
    await lab.submitAnswer('7')
    await expect(lab.feedback).toContainText('Correct')
    await lab.next.click()
    await expect(lab.stepHeading).toHaveText('Partial derivatives of uv + u²')

    await explorer.restart()
    await expect(lab.panel).toBeVisible()
    await expect(lab.count).toHaveText('1 of 8 steps done')
    await expect(lab.step(3)).toHaveClass(/done/)
    await expect(lab.resume).toHaveText('Resume at step 4')
    await lab.resume.click()
    await expect(lab.stepHeading).toHaveText('Partial derivatives of uv + u²')
    await lab.allSteps.click()
    await lab.step(3).click()
    await expect(lab.answer).toHaveValue('7')
    await expect(lab.feedback).toContainText('Correct')
  })

  test('keeps the ten sampled points of step 5 on screen across a reload', async ({ explorer }) => {
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.step(5).click()
    await lab.show()
    await expect.poll(async () => (await explorer.plot.plotted())?.f.length).toBe(10)
    await explorer.restart()
    await expect.poll(async () => (await explorer.plot.plotted())?.f.length).toBe(10)
    // Typing another function returns to a smooth curve.
    await explorer.fn.type('x^3')
    await expect.poll(async () => (await explorer.plot.plotted())?.f.length).toBeGreaterThan(100)
  })

  test('asks before resetting progress', async ({ explorer }) => {
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.step(1).click()
    await lab.next.click()
    await lab.allSteps.click()
    await expect(lab.count).toHaveText('1 of 8 steps done')
    await lab.reset.click()
    await explorer.page.getByRole('button', { name: 'Cancel' }).click()
    await expect(lab.count).toHaveText('1 of 8 steps done')
    await lab.reset.click()
    await lab.confirmReset.click()
    await expect(lab.count).toHaveText('0 of 8 steps done')
    await expect(lab.resume).toHaveText('Start the lab')
  })

  test('works from the keyboard: F1 opens it, Enter starts it, the step title takes focus', async ({
    explorer,
  }) => {
    const lab = new LabPanel(explorer.page)
    const { page } = explorer
    await page.keyboard.press('F1')
    await expect(lab.title).toBeFocused()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    await expect(lab.resume).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(lab.stepHeading).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(page.getByTestId('lab-show-0')).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(explorer.values.f).toHaveText('4')
    await page.keyboard.press('Escape')
    await expect(lab.panel).toBeHidden()
    await expect(lab.toggle).toBeFocused()
  })
})
