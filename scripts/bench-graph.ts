import type { Page } from '@playwright/test'

/**
 * The graph panel's part of `npm run bench:ui`: with the panel open on u*v + (u*v)^2, a 200-step mouse
 * drag of the u slider, timing each input event to the frame's DOM update that shows the new u in the
 * graph's leaf (read from the page's mutations, as the chart's draws are read from its hook), and to the
 * chart draw that shows it. The layout runs once, before the drag; during it only numbers change.
 */
export const GRAPH_EXPRESSION = 'u*v + (u*v)^2'
const STEPS = 200
const FRAME_MS = 1000 / 60

interface BrowserSide {
  performance: { now(): number }
  document: {
    querySelector(
      selector: string,
    ): (EventTarget & { value: string; min: string; textContent: string }) | null
  }
  MutationObserver: new (callback: () => void) => {
    observe(target: unknown, options: Record<string, boolean>): void
  }
  __graphLog?: { inputs: { value: number; at: number }[]; updates: { at: number; u: number }[] }
}

export interface GraphDragResult {
  latencies: number[]
  inputs: number
  updates: number
  missed: number
  layouts: number
}

export async function measureGraphDrag(page: Page): Promise<GraphDragResult> {
  await page.getByRole('textbox', { name: 'Function', exact: true }).fill(GRAPH_EXPRESSION)
  // Plotted against u, so the chart's point follows the dragged slider too.
  await page
    .getByRole('group', { name: 'With respect to' })
    .getByRole('radio', { name: 'u', exact: true })
    .check()
  await page.getByTestId('graph-toggle').click()
  const leaf = page.locator('.graph-node.leaf[data-label="u"]')
  await leaf.waitFor()
  const layoutBefore = await page.locator('.graph-edge path').first().getAttribute('d')

  await page.evaluate(() => {
    const g = globalThis as unknown as BrowserSide
    const slider = g.document.querySelector('#slider-u')
    const svg = g.document.querySelector('.graph-svg')
    if (!slider || !svg) throw new Error('the graph panel is not on screen')
    const log = {
      inputs: [] as { value: number; at: number }[],
      updates: [] as { at: number; u: number }[],
    }
    g.__graphLog = log
    // The value the app applies (VariableSlider snaps the thumb's raw value to the step grid).
    const step = Number(g.document.querySelector('input[aria-label="u step"]')?.value)
    const min = Number(slider.min)
    const applied = (raw: number) =>
      Number.isFinite(step) && step > 0
        ? Number((min + Math.round((raw - min) / step) * step).toPrecision(12))
        : raw
    // Only inputs that change the value are timed: one within a step is drawn by nothing.
    slider.addEventListener(
      'input',
      () => {
        const value = applied(Number(slider.value))
        if (log.inputs.at(-1)?.value !== value) log.inputs.push({ value, at: g.performance.now() })
      },
      true,
    )
    const read = () =>
      g.document.querySelector('.graph-node.leaf[data-label="u"] [data-testid="graph-data"]')
    new g.MutationObserver(() => {
      const text = read()?.textContent ?? ''
      log.updates.push({ at: g.performance.now(), u: Number(text.trim().replace('\u2212', '-')) })
    }).observe(svg, { subtree: true, characterData: true, childList: true })
  })

  const track = await page.locator('#slider-u').boundingBox()
  if (!track) throw new Error('the u slider is not visible')
  const y = track.y + track.height / 2
  const at = (fraction: number) => track.x + 8 + (track.width - 16) * fraction
  const startValue = await page.locator('#slider-u').inputValue()
  await page.mouse.move(at((Number(startValue) + 5) / 10), y)
  await page.mouse.down()
  for (let step = 0; step < STEPS; step++) {
    const phase = step / (STEPS - 1)
    await page.mouse.move(at(0.05 + 0.9 * Math.abs(Math.sin(Math.PI * phase))), y)
  }
  await page.mouse.up()
  await page.waitForTimeout(300)

  const log = await page.evaluate(
    () =>
      (globalThis as unknown as BrowserSide).__graphLog as NonNullable<BrowserSide['__graphLog']>,
  )
  const layoutAfter = await page.locator('.graph-edge path').first().getAttribute('d')
  const samples = log.inputs.map((input, index) => {
    const laterValues = new Set(log.inputs.slice(index).map((later) => later.value))
    const shown = log.updates.find((update) => update.at >= input.at && laterValues.has(update.u))
    return shown ? shown.at - input.at : null
  })
  const latencies = samples.filter((ms): ms is number => ms !== null).sort((a, b) => a - b)
  return {
    latencies,
    inputs: samples.length,
    updates: log.updates.length,
    missed: samples.filter((ms) => ms === null || ms > FRAME_MS).length,
    layouts: layoutAfter === layoutBefore ? 1 : 2,
  }
}
