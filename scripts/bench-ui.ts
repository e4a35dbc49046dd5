import { readdir, readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { openWebSession } from './web-session'

/**
 * The explorer's speed in Chromium, on the web build made for tests (`npm run build:web:e2e`):
 * - time to the first interactive chart after navigation (the first chart drawn, inputs live);
 * - over a 200-step mouse drag of the x slider: the time from each input event to the chart draw that
 *   shows it (p50/p95), and the frames missed (inputs not drawn within one 60 Hz frame, or never drawn);
 * - the JavaScript shipped, gzipped.
 */

const STEPS = 200
const LOADS = 5
// The build made for tests: the shipped one (out/web) has no test hook to time draws by. Its bundles
// differ from the shipped ones by the hook alone (a few hundred bytes).
const outDir = process.env.WEB_ROOT ?? fileURLToPath(new URL('../out/web-e2e', import.meta.url))

/** The few browser globals the page-side code uses (this file is type-checked without the DOM library). */
interface RenderMark {
  at: number
  pointX: number | null
}
interface BrowserSide {
  requestAnimationFrame(callback: (time: number) => void): number
  performance: { now(): number }
  document: { querySelector(selector: string): (EventTarget & { value: string }) | null }
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

const web = await openWebSession(outDir)
try {
  const context = await web.browser.newContext({ viewport: { width: 1360, height: 900 } })
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name(); the
  // page-side callbacks below are serialized into the page, where __name must exist.
  await context.addInitScript('globalThis.__name = (fn) => fn')
  const page = await context.newPage()

  const firstCharts: number[] = []
  for (let load = 0; load < LOADS; load++) {
    await page.goto(web.url)
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
  await page.evaluate(() => {
    const g = globalThis as unknown as BrowserSide
    const slider = g.document.querySelector('#slider-x')
    const hook = g.__calculusLab
    if (!slider || !hook) throw new Error('the explorer is not on screen')
    const log: BenchLog = { inputs: [], draws: [] }
    g.__benchLog = log
    slider.addEventListener(
      'input',
      () => log.inputs.push({ value: Number(slider.value), at: g.performance.now() }),
      true,
    )
    hook.onRender((mark) => log.draws.push(mark))
  })

  // A real mouse drag across the slider, one pointer move per step, through Chromium's input pipeline
  // (which delivers pointer moves aligned to animation frames, as with a physical mouse).
  const track = await page.locator('#slider-x').boundingBox()
  if (!track) throw new Error('the x slider is not visible')
  const y = track.y + track.height / 2
  const at = (fraction: number) => track.x + 8 + (track.width - 16) * fraction
  const startValue = await page.locator('#slider-x').inputValue()
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
  const requests = await page.evaluate(
    () => (globalThis as unknown as BrowserSide).__benchLog?.draws.length ?? 0,
  )

  const sizes = await bundleSizes()
  const total = sizes.reduce(
    (sum, size) => ({ raw: sum.raw + size.raw, gzip: sum.gzip + size.gzip }),
    {
      raw: 0,
      gzip: 0,
    },
  )
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
  const ms = (value: number) => `${value.toFixed(1)} ms`
  const rows: [string, string, string][] = [
    [
      'first interactive chart (median of 5 loads)',
      ms(
        percentile(
          [...firstCharts].sort((a, b) => a - b),
          0.5,
        ),
      ),
      '≤ 1000 ms',
    ],
    ['slider input → chart drawn, p50', ms(percentile(latencies, 0.5)), ''],
    ['slider input → chart drawn, p95', ms(percentile(latencies, 0.95)), '≤ 16.7 ms'],
    ['slider input → chart drawn, max', ms(latencies[latencies.length - 1] ?? NaN), ''],
    [`input events in the ${STEPS}-step drag`, String(samples.length), ''],
    ['chart draws during the drag', String(requests), ''],
    ['frames missed (input not drawn within 16.7 ms)', String(missed), '0'],
    ['JS bundle, gzipped (all chunks)', kb(total.gzip), ''],
    ...sizes.map((size): [string, string, string] => [
      `  ${size.file}`,
      `${kb(size.gzip)} gz`,
      kb(size.raw),
    ]),
  ]
  const width = Math.max(...rows.map(([name]) => name.length))
  console.log(`\nCalculus Lab UI benchmark (Chromium ${web.browser.version()}, web build)\n`)
  console.log(`${'measure'.padEnd(width)}  ${'value'.padStart(12)}  target`)
  for (const [name, value, target] of rows) {
    console.log(`${name.padEnd(width)}  ${value.padStart(12)}  ${target}`)
  }
  await context.close()
} finally {
  await web.close()
}
