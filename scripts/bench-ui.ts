import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import type { Page } from '@playwright/test'
import { DesktopApp } from '../e2e/desktop/desktop-app'
import { GRAPH_EXPRESSION, measureGraphDrag } from './bench-graph'
import { openWebSession } from './web-session'

/**
 * The explorer's speed in Chromium, side by side in one run on
 * - web: the web build made for tests (`npm run build:web:e2e`), core in a Web Worker;
 * - desktop: the desktop renderer build made for tests (`npm run build:e2e`) through the real preload,
 *   the emulated contextBridge/ipc (e2e/desktop/), the built main under the fake electron and its
 *   worker_threads worker: every frame crosses page → test process → main's process → worker and back;
 * and for each:
 * - time to the first interactive chart after navigation (the first chart drawn, inputs live);
 * - over a 200-step mouse drag of the x slider: the time from each input event that changes the value
 *   (snapped to the step grid, as the app applies it) to the chart draw that
 *   shows it (p50/p95), and the frames missed (inputs not drawn within one 60 Hz frame, or never drawn);
 * - the JavaScript shipped, gzipped (the web build's).
 */

const STEPS = 200
const LOADS = 5
// The build made for tests: the shipped one (out/web) has no test hook to time draws by. Its bundles
// differ from the shipped ones by the hook alone (a few hundred bytes).
const outDir = process.env.WEB_ROOT ?? fileURLToPath(new URL('../out/web-e2e', import.meta.url))
const desktopDir = fileURLToPath(new URL('../out/e2e', import.meta.url))

/** The few browser globals the page-side code uses (this file is type-checked without the DOM library). */
interface RenderMark {
  at: number
  pointX: number | null
}
interface BrowserSide {
  requestAnimationFrame(callback: (time: number) => void): number
  performance: { now(): number }
  document: {
    querySelector(selector: string): (EventTarget & { value: string; min: string }) | null
  }
  __benchLog?: BenchLog
  __calculusLab?: {
    renders: number
    firstRender: RenderMark | null
    onRender(listener: (mark: RenderMark) => void): () => void
  }
}

interface BenchLog {
  inputs: { value: number; at: number }[]
  draws: RenderMark[]
}

function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[index] as number
}

async function bundleSizes(): Promise<{ file: string; raw: number; gzip: number }[]> {
  const assets = `${outDir}/assets`
  const files = (await readdir(assets)).filter((name) => /\.m?js$/.test(name))
  return Promise.all(
    files.map(async (file) => {
      const bytes = await readFile(`${assets}/${file}`)
      return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }
    }),
  )
}

interface DragResult {
  firstChart: number
  latencies: number[]
  inputs: number
  draws: number
  missed: number
}

/** Loads the explorer LOADS times with `load`, then drags the x slider STEPS steps and times each frame. */
async function measure(
  page: Page,
  load: () => Promise<unknown>,
  slider = 'x',
  loads = LOADS,
): Promise<DragResult> {
  const firstCharts: number[] = []
  for (let i = 0; i < loads; i++) {
    await load()
    await page.waitForFunction(() => {
      const g = globalThis as unknown as BrowserSide
      return (g.__calculusLab?.renders ?? 0) > 0
    })
    // performance.now() counts from the navigation's start.
    firstCharts.push(
      await page.evaluate(() => {
        const g = globalThis as unknown as BrowserSide
        return g.__calculusLab?.firstRender?.at ?? NaN
      }),
    )
  }

  // Record every input event of the x slider and every chart draw, in page time.
  await page.evaluate((name) => {
    const g = globalThis as unknown as BrowserSide
    const slider = g.document.querySelector(`#slider-${name}`)
    const hook = g.__calculusLab
    if (!slider || !hook) throw new Error('the explorer is not on screen')
    const log: BenchLog = { inputs: [], draws: [] }
    g.__benchLog = log
    // The value the app applies, as VariableSlider's onDrag snaps the thumb's to the step grid: the
    // draw that shows an input has this point, not the thumb's raw value.
    const stepField = g.document.querySelector(`input[aria-label="${name} step"]`)
    const step = Number(stepField?.value)
    const min = Number(slider.min)
    const applied = (raw: number) =>
      Number.isFinite(step) && step > 0
        ? Number((min + Math.round((raw - min) / step) * step).toPrecision(12))
        : raw
    // An input that leaves the value where it was (the thumb moved within one step) changes nothing
    // and is drawn by nothing: only changes are timed.
    slider.addEventListener(
      'input',
      () => {
        const value = applied(Number(slider.value))
        if (log.inputs.at(-1)?.value !== value) log.inputs.push({ value, at: g.performance.now() })
      },
      true,
    )
    hook.onRender((mark) => log.draws.push(mark))
  }, slider)

  // A real mouse drag across the slider, one pointer move per step, through Chromium's input pipeline
  // (which delivers pointer moves aligned to animation frames, as with a physical mouse).
  const track = await page.locator(`#slider-${slider}`).boundingBox()
  if (!track) throw new Error(`the ${slider} slider is not visible`)
  const y = track.y + track.height / 2
  const at = (fraction: number) => track.x + 8 + (track.width - 16) * fraction
  const startValue = await page.locator(`#slider-${slider}`).inputValue()
  await page.mouse.move(at((Number(startValue) + 5) / 10), y)
  await page.mouse.down()
  for (let step = 0; step < STEPS; step++) {
    // Back and forth across the track, so every step is a change.
    const phase = step / (STEPS - 1)
    await page.mouse.move(at(0.05 + 0.9 * Math.abs(Math.sin(Math.PI * phase))), y)
  }
  await page.mouse.up()
  await page.waitForTimeout(300)

  const log = await page.evaluate(
    () => (globalThis as unknown as BrowserSide).__benchLog as BenchLog,
  )
  // An input is shown by the first draw after it whose point is that input's value or a later one.
  const samples = log.inputs.map((input, index) => {
    const laterValues = new Set(log.inputs.slice(index).map((later) => later.value))
    const drawn = log.draws.find(
      (mark) => mark.at >= input.at && mark.pointX !== null && laterValues.has(mark.pointX),
    )
    return { inputAt: input.at, drawnAt: drawn ? drawn.at : null }
  })
  const latencies = samples
    .filter((sample) => sample.drawnAt !== null)
    .map((sample) => (sample.drawnAt as number) - sample.inputAt)
    .sort((a, b) => a - b)
  const FRAME_MS = 1000 / 60
  // Missed: an input whose new state was not drawn within one frame, or was never drawn at all.
  const missed = samples.filter(
    (sample) => sample.drawnAt === null || sample.drawnAt - sample.inputAt > FRAME_MS,
  ).length
  return {
    firstChart: percentile(
      [...firstCharts].sort((a, b) => a - b),
      0.5,
    ),
    latencies,
    inputs: samples.length,
    draws: log.draws.length,
    missed,
  }
}

const web = await openWebSession(outDir)
const desktop = await DesktopApp.start(desktopDir)
try {
  const newPage = async () => {
    const context = await web.browser.newContext({ viewport: { width: 1360, height: 900 } })
    // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(); the
    // page-side callbacks below are serialized into the page, where __name must exist.
    await context.addInitScript('globalThis.__name = (fn) => fn')
    return context.newPage()
  }
  const webPage = await newPage()
  const webResult = await measure(webPage, () => webPage.goto(web.url))
  // The graph panel open (web build): the u slider dragged, the graph's numbers timed (bench-graph.ts).
  const graphResult = await measureGraphDrag(webPage)
  const graphChart = await measure(webPage, async () => undefined, 'u', 1)
  await webPage.context().close()
  const desktopPage = await newPage()
  await desktop.open(desktopPage)
  const desktopResult = await measure(desktopPage, () => desktopPage.reload())
  await desktopPage.context().close()

  const sizes = await bundleSizes()
  const total = sizes.reduce(
    (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }),
    { raw: 0, gzip: 0 },
  )
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const both = (read: (result: DragResult) => string): [string, string] => [
    read(webResult),
    read(desktopResult),
  ]
  const rows: [string, string, string, string][] = [
    ['first interactive chart (median of 5 loads)', ...both((r) => ms(r.firstChart)), '≤ 1000 ms'],
    ['slider input → chart drawn, p50', ...both((r) => ms(percentile(r.latencies, 0.5))), ''],
    [
      'slider input → chart drawn, p95',
      ...both((r) => ms(percentile(r.latencies, 0.95))),
      '≤ 16.7 ms',
    ],
    [
      'slider input → chart drawn, max',
      ...both((r) => ms(r.latencies[r.latencies.length - 1] ?? NaN)),
      '',
    ],
    [`value changes in the ${STEPS}-step drag`, ...both((r) => String(r.inputs)), ''],
    ['chart draws during the drag', ...both((r) => String(r.draws)), ''],
    ['frames missed (input not drawn within 16.7 ms)', ...both((r) => String(r.missed)), '0'],
    [`graph panel open on ${GRAPH_EXPRESSION}, u dragged:`, '', '', ''],
    [
      '  slider input → graph numbers updated, p50',
      ms(percentile(graphResult.latencies, 0.5)),
      '',
      '',
    ],
    [
      '  slider input → graph numbers updated, p95',
      ms(percentile(graphResult.latencies, 0.95)),
      '',
      '≤ 16.7 ms',
    ],
    ['  frames missed by the graph', String(graphResult.missed), '', '0'],
    ['  layouts during the drag', String(graphResult.layouts - 1), '', '0'],
    [
      '  slider input → chart drawn, p95 (graph open)',
      ms(percentile(graphChart.latencies, 0.95)),
      '',
      '≤ 16.7 ms',
    ],
    ['  frames missed by the chart (graph open)', String(graphChart.missed), '', '0'],
    ['JS bundle, gzipped (all chunks)', kb(total.gzip), '', ''],
    ...sizes.map((size): [string, string, string, string] => [
      `  ${size.file}`,
      `${kb(size.gzip)} gz`,
      '',
      kb(size.raw),
    ]),
  ]
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(
    `\nCalculus Lab UI benchmark (Chromium ${web.browser.version()}; web build, and desktop build ` +
      'through preload → built main → worker_threads)\n',
  )
  console.log(
    `${'measure'.padEnd(width)}  ${'web'.padStart(12)}  ${'desktop'.padStart(12)}  target`,
  )
  for (const [name, webValue, desktopValue, target] of rows) {
    console.log(
      `${name.padEnd(width)}  ${webValue.padStart(12)}  ${desktopValue.padStart(12)}  ${target}`,
    )
  }
} finally {
  desktop.stop()
  await web.close()
}
