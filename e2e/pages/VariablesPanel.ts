import type { Locator, Page } from '@playwright/test'

/** The sliders and the "With respect to" choice. */
export class VariablesPanel {
  readonly panel: Locator

  constructor(private readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Variables' })
  }

  slider(name: string): Locator {
    return this.page.locator(`#slider-${name}`)
  }

  valueField(name: string): Locator {
    return this.page.getByLabel(`${name} value`, { exact: true })
  }

  /** A slider's minimum, maximum or step field. */
  limitField(name: string, which: 'minimum' | 'maximum' | 'step'): Locator {
    return this.page.getByLabel(`${name} ${which}`, { exact: true })
  }

  /** The inline message saying why the last entry in a field of this slider was refused. */
  problem(name: string): Locator {
    return this.page.getByTestId(`slider-problem-${name}`)
  }

  /** Types into a field and commits it, as Enter does. */
  async enter(field: Locator, text: string): Promise<void> {
    await field.fill(text)
    await field.press('Enter')
  }

  wrtChoice(name: string): Locator {
    return this.page.getByRole('group', { name: 'With respect to' }).getByRole('radio', { name })
  }

  async set(name: string, value: number): Promise<void> {
    await this.valueField(name).fill(String(value))
    await this.valueField(name).press('Enter')
  }

  /** Drags the slider's thumb with the mouse from where it is to `fraction` of the track. */
  async drag(name: string, fraction: number): Promise<void> {
    const track = await this.slider(name).boundingBox()
    if (!track) throw new Error(`slider ${name} is not visible`)
    const [value, min, max] = await this.slider(name).evaluate((element) => {
      const input = element as HTMLInputElement
      return [Number(input.value), Number(input.min), Number(input.max)]
    })
    const y = track.y + track.height / 2
    // Chromium's thumb is about 16 px wide: its centre travels from 8 px to width − 8 px.
    const at = (f: number) => track.x + 8 + (track.width - 16) * f
    await this.page.mouse.move(at((value - min) / (max - min)), y)
    await this.page.mouse.down()
    await this.page.mouse.move(at(fraction), y, { steps: 12 })
    await this.page.mouse.up()
  }

  async plotAgainst(name: string): Promise<void> {
    await this.wrtChoice(name).check()
  }

  async currentValue(name: string): Promise<number> {
    return Number(await this.slider(name).inputValue())
  }
}
