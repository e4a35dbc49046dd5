import { expect, test } from './fixtures'

/** What a learner types, and every mistake they would make (issue 13). */
test.describe('the explorer, tried as a learner would', () => {
  test('keeps showing x^2, marked stale, while the input is invalid', async ({ explorer }) => {
    await explorer.fn.type('x^2')
    await expect(explorer.values.f).toHaveText('4')
    await explorer.fn.type('x^2 + sec(x)')
    await expect(explorer.fn.diagnostics.first()).toContainText("Unknown function 'sec'")
    for (const stale of [explorer.plot.stale, explorer.values.stale, explorer.torch.stale]) {
      await expect(stale).toHaveText('showing x^2 — fix the input to update')
    }
    await expect(explorer.values.f).toHaveText('4')
    await expect(explorer.torch.code).toContainText('y = x ** 2')
    await explorer.page.screenshot({ path: 'test-results/explorer-input-stale.png' })
    await explorer.fn.type('x^2 + 1')
    await expect(explorer.values.stale).toHaveCount(0)
    await expect(explorer.values.f).toHaveText('5')
  })

  test('typing floor(x) key by key never plots f nor adds an f slider', async ({ explorer }) => {
    await explorer.fn.type('x^2')
    await expect(explorer.values.f).toHaveText('4')
    await explorer.fn.input.fill('')
    await explorer.fn.input.pressSequentially('floor(x)', { delay: 60 })
    await expect(explorer.values.f).toHaveText('2')
    await expect(explorer.values.slope).toHaveText('0')
    await expect(explorer.variables.slider('f')).toHaveCount(0)
    await expect(explorer.values.printed('x')).toHaveText('tensor(0.)')
  })

  test('reads f(x) = x^2 as defining f', async ({ explorer }) => {
    await explorer.fn.type('f(x) = x^2')
    await expect(explorer.values.f).toHaveText('4')
    await expect(explorer.fn.diagnostics).toHaveCount(0)
    await expect(explorer.variables.slider('f')).toHaveCount(0)
  })

  test('refuses a paste past 1,000 characters whole, never cut into another function', async ({
    explorer,
  }) => {
    await explorer.fn.type('x^2')
    const long = 'x + '.repeat(250) + 'y'
    await explorer.fn.paste(long)
    await expect(explorer.fn.input).toHaveValue(long)
    await expect(explorer.fn.diagnostics.first()).toHaveText(
      `The expression is ${long.length} characters long; the limit is 1000.`,
    )
    await expect(explorer.values.stale).toHaveText('showing x^2 — fix the input to update')
    await expect(explorer.variables.slider('y')).toHaveCount(0)
  })

  test('says "vertical tangent x = 0" and explains NaN for x^(1/3)', async ({ explorer }) => {
    await explorer.fn.type('x^(1/3)')
    await explorer.variables.set('x', 0)
    await expect(explorer.values.tangent).toHaveText('vertical tangent x = 0')
    await explorer.variables.set('x', -1)
    await expect(explorer.values.tangent).toHaveText('no tangent (f is not defined here)')
    await expect(explorer.values.printedF).toHaveText('tensor(nan)')
    await expect(explorer.values.nanNote).toContainText('torch.sign(x) * torch.abs(x) ** (1/3)')
  })

  test('shows beside each value what print() shows in PyTorch', async ({ explorer }) => {
    await explorer.fn.type('sin(x)^2')
    await explorer.variables.set('x', 1)
    await expect(explorer.values.f).toHaveText('0.708073')
    await expect(explorer.values.printedF).toHaveText('tensor(0.7081)')
    await expect(explorer.values.printed('x')).toHaveText('tensor(0.9093)')
  })

  test('shows a program that runs for 0/0: no backward() on a constant', async ({ explorer }) => {
    await explorer.fn.type('0/0')
    await expect(explorer.values.printedF).toHaveText('tensor(nan)')
    await expect(explorer.torch.code).toContainText('y = torch.tensor(0.0) / 0')
    await expect(explorer.torch.code).not.toContainText('\ny.backward()')
  })

  test.describe('notation a learner types', () => {
    for (const [typed, value] of [
      ['|x|', '2'],
      ['x²', '4'],
      ['2x³ + x', '18'],
      ['sign(x)', '1'],
      ['step(x)', '1'],
      ['frac(x + 0.5)', '0.5'],
    ] as const) {
      test(`reads ${typed} at x = 2 as ${value}`, async ({ explorer }) => {
        await explorer.fn.type(typed)
        await explorer.variables.set('x', 2)
        await expect(explorer.values.f).toHaveText(value)
        await expect(explorer.fn.diagnostics).toHaveCount(0)
      })
    }

    test('says the derivative of d/dx x^2 is shown below, and fixes it', async ({ explorer }) => {
      await explorer.fn.type('d/dx x^2')
      await expect(explorer.fn.diagnostics.first()).toContainText('the derivative is shown below')
      await explorer.page.getByRole('button', { name: "Remove 'd/dx'" }).click()
      await expect(explorer.fn.input).toHaveValue('x^2')
    })

    test('lists the functions for an unknown one, and opens the syntax help', async ({
      explorer,
    }) => {
      await explorer.fn.type('sec(x)')
      await expect(explorer.fn.diagnostics.first()).toContainText('The functions are sin, cos')
      await explorer.fn.syntaxHelpButton.click()
      await expect(explorer.fn.syntaxHelp).toContainText('torch.floor')
      await expect(explorer.fn.syntaxHelp).toContainText('clamp(x,lo,hi)')
      await explorer.fn.syntaxHelp.screenshot({
        path: 'test-results/explorer-input-syntax-help.png',
      })
    })
  })

  test.describe('slider fields', () => {
    test('read 2,5 as 2.5, never 25', async ({ explorer }) => {
      await explorer.fn.type('x^2')
      await explorer.variables.enter(explorer.variables.valueField('x'), '2,5')
      await expect(explorer.values.f).toHaveText('6.25')
      await expect(explorer.variables.valueField('x')).toHaveValue('2.5')
    })

    for (const [which, text, message] of [
      ['minimum', '5', 'The minimum 5 must be below the maximum 5.'],
      ['step', '0', 'The step must be above 0, not 0.'],
      ['step', '20', 'The step 20 is larger than the range -5 to 5.'],
      ['maximum', 'ten', "'ten' is not a number."],
    ] as const) {
      test(`refuse ${which} = ${text} inline and change nothing`, async ({ explorer }) => {
        await explorer.fn.type('x^2')
        const field = explorer.variables.limitField('x', which)
        await explorer.variables.enter(field, text)
        await expect(explorer.variables.problem('x')).toHaveText(message)
        await expect(explorer.variables.slider('x')).toHaveAttribute('min', '-5')
        await expect(explorer.variables.slider('x')).toHaveAttribute('max', '5')
        await expect(explorer.values.f).toHaveText('4')
      })
    }

    test('put the thumb exactly at a value off the step grid', async ({ explorer }) => {
      await explorer.fn.type('x^2')
      await explorer.variables.enter(explorer.variables.limitField('x', 'step'), '0.3')
      await explorer.variables.set('x', 2.05)
      await expect(explorer.variables.slider('x')).toHaveValue('2.05')
    })
  })
})
