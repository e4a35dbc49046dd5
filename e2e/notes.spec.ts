import { expect, test } from './fixtures'
import { ConventionNotes } from './pages/ConventionNotes'
import { LabPanel } from './pages/lab-panel'

test.describe('convention notes', () => {
  test('abs(x) at x = 0 shows the kink note with left −1 and right 1', async ({ explorer }) => {
    const notes = new ConventionNotes(explorer.page)
    await explorer.fn.type('abs(x)')
    await explorer.variables.set('x', 0)
    await expect(explorer.values.slope).toHaveText('0')
    await expect(notes.note('x')).toHaveAttribute('data-code', 'kink')
    await expect(notes.note('x')).toContainText('left −1, right 1')
    await expect(notes.detail('x')).toBeHidden()
    await notes.note('x').focus()
    await expect(notes.detail('x')).toBeVisible()
    await expect(notes.detail('x')).toContainText('derivatives.yaml has abs: grad * self.sgn()')
    // The one-sided tangents at the point: slope −1 to the left, 1 to the right.
    const marked = (await explorer.plot.plotted())!.marked
    expect(marked.rays.filter((p) => Number.isFinite(p.y))).toHaveLength(4)
  })

  test('x^2 at 0 has no note, and says the point is a local minimum', async ({ explorer }) => {
    const notes = new ConventionNotes(explorer.page)
    await explorer.fn.type('x^2')
    await explorer.variables.set('x', 0)
    await expect(notes.pointInterest).toHaveText('f′ = 0: a local minimum')
    await expect(notes.note('x')).toHaveCount(0)
  })

  test('clicking a point of interest moves the point there', async ({ explorer }) => {
    const notes = new ConventionNotes(explorer.page)
    await explorer.fn.type('x^3 - 3*x')
    await explorer.variables.set('x', 2)
    await notes.interest('a local maximum').click()
    await expect(explorer.values.f).toHaveText('2')
    await expect(notes.pointInterest).toHaveText('f′ = 0: a local maximum')
  })

  test('relu over 101 samples on −3..3 marks the sample at 0 and breaks f′ there', async ({
    explorer,
  }) => {
    // The app sets a sample count only through a lab step's plot: the step after the ReLU uses 101.
    const lab = new LabPanel(explorer.page)
    await lab.open()
    await lab.step(7).click()
    await expect(lab.stepHeading).toHaveText('Where autograd and the derivative part ways')
    await lab.show()
    await expect
      .poll(async () => (await explorer.plot.plotted())?.marked.conventions.length)
      .toBe(1)
    const plotted = (await explorer.plot.plotted())!
    expect(plotted.marked.conventions[0]).toMatchObject({ x: 0, y: 0 })
    expect(plotted.marked.breaks).toMatchObject([{ x: 0, y: 0 }])
    // f′ has no segment touching x = 0: the sample there stands alone, so no vertical stroke.
    const df = plotted.df
    const at = df.findIndex((p) => p.x === 0 && p.y === 0)
    expect(Number.isNaN(df[at - 1]!.y) && Number.isNaN(df[at + 1]!.y)).toBe(true)
    expect(plotted.f.every((p) => Number.isFinite(p.y))).toBe(true)
    await expect(new ConventionNotes(explorer.page).note('x')).toContainText('left 0, right 1')
  })
})
