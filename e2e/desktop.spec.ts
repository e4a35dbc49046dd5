import { readFileSync, rmSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { readNotebook } from '../core/ipynb'
import { expect, test } from './fixtures'
import { NotebookPage } from './pages/notebook-page'

/**
 * What only the desktop path has: the preload bridge, main's checks and its worker_threads worker. These run
 * on the `desktop` target (the built main under the fake electron); the electron project would need hooks
 * into main that _electron does not give.
 */
test.skip(({ target }) => target !== 'desktop', 'needs the built main in the test process')

type Outcome =
  { ok: boolean; diagnostics?: { code: string; message: string }[] } | { thrown: string }

/** Calls `window.calculus[method]` in the page with `args` built there by `make` (source text). */
function callBridge(page: Page, method: string, make: string): Promise<Outcome> {
  return page.evaluate(
    async ([name, source]) => {
      const bridge = (
        window as unknown as { calculus: Record<string, (...a: unknown[]) => unknown> }
      ).calculus
      try {
        // The page's CSP forbids eval: the arguments come from a table of builders by name.
        const builders: Record<string, () => unknown[]> = {
          nothing: () => [],
          null: () => [null],
          number: () => [42],
          string: () => ['x^2'],
          emptyObject: () => [{}],
          wrongTypes: () => [{ expression: 1, point: 'x', wrt: 7, domain: {}, samples: '61' }],
          nanPoint: () => [
            { expression: 'x', point: { x: NaN }, wrt: 'x', domain: [0, 1], samples: 2 },
          ],
          reversedDomain: () => [
            { expression: 'x', point: { x: 1 }, wrt: 'x', domain: [1, 0], samples: 2 },
          ],
          tooManySamples: () => [
            { expression: 'x', point: { x: 1 }, wrt: 'x', domain: [0, 1], samples: 1e9 },
          ],
          hugeExpression: () => [
            {
              expression: 'x+'.repeat(100_000),
              point: { x: 1 },
              wrt: 'x',
              domain: [0, 1],
              samples: 2,
            },
          ],
          prototypeKeys: () => [
            JSON.parse(
              '{"expression":"x","point":{"__proto__":{"x":1}},"wrt":"x","domain":[0,1],"samples":2}',
            ),
          ],
          deepNesting: () => {
            let deep: unknown = 'x'
            for (let i = 0; i < 200; i++) deep = { deep }
            return [deep]
          },
          cyclic: () => {
            const cyclic: Record<string, unknown> = { expression: 'x' }
            cyclic.self = cyclic
            return [cyclic]
          },
          typedArray: () => [new Float64Array(8)],
          map: () => [new Map([['expression', 'x']])],
          date: () => [new Date(0)],
          pngNotPng: () => [{ bytes: new Uint8Array([1, 2, 3]), suggestedName: 'a' }],
          pngWrongName: () => [{ bytes: new Uint8Array(8), suggestedName: 42 }],
          notebookNotJson: () => [{ text: 'x = 1', suggestedName: 'a.ipynb' }],
          notebookAsBytes: () => [{ text: new Uint8Array(8), suggestedName: 'a.ipynb' }],
          notebookNbformat3: () => [
            {
              text: JSON.stringify({ nbformat: 3, nbformat_minor: 0, metadata: {}, cells: [] }),
              suggestedName: 'a.ipynb',
            },
          ],
          notebookExtraField: () => [
            {
              text: JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [] }),
              suggestedName: 'a.ipynb',
              path: '/etc/passwd',
            },
          ],
          function: () => [() => 'x'],
          symbol: () => [Symbol('x')],
          element: () => [document.body],
        }
        return (await bridge[name]!(...builders[source]!())) as Outcome
      } catch (error) {
        return { thrown: String((error as Error).message) }
      }
    },
    [method, make] as const,
  )
}

test.describe('the desktop bridge', () => {
  test('is window.calculus alone: frozen, one function per method, no ipcRenderer or binding left', async ({
    explorer,
  }) => {
    const shape = await explorer.page.evaluate(() => {
      const bridge = (window as unknown as { calculus: Record<string, unknown> }).calculus
      return {
        frozen: Object.isFrozen(bridge),
        methods: Object.entries(bridge).map(([key, value]) => `${key}:${typeof value}`),
        leaked: Object.keys(window).filter((key) => /ipc|electron|__calculusDesktop/i.test(key)),
        origin: location.origin,
      }
    })
    expect(shape.frozen).toBe(true)
    expect(shape.methods.sort()).toEqual(
      [
        'analyze',
        'evaluate',
        'graph',
        'notebookGraph',
        'onMenu',
        'openPng',
        'restartNotebook',
        'runCell',
        'saveNotebook',
        'savePng',
      ].map((name) => `${name}:function`),
    )
    expect(shape.leaked).toEqual([])
    expect(shape.origin).toBe('http://calculus-lab.localhost')
  })

  test('serves the page through main’s app:// handler, with its CSP header', async ({
    page,
    desktopApp,
  }) => {
    const responses: { url: string; csp: string | undefined; type: string | undefined }[] = []
    page.on('response', (response) =>
      responses.push({
        url: response.url(),
        csp: response.headers()['content-security-policy'],
        type: response.headers()['content-type'],
      }),
    )
    await desktopApp!.open(page)
    await expect(page.getByRole('textbox', { name: 'Function', exact: true })).toBeVisible()
    const document = responses.find((r) => r.url === 'http://calculus-lab.localhost/index.html')
    expect(document?.type).toBe('text/html; charset=utf-8')
    expect(document?.csp).toContain("frame-ancestors 'none'")
    expect(responses.some((r) => r.type === 'text/javascript; charset=utf-8')).toBe(true)
    // A path outside the renderer folder gets main's 404, not a file.
    const escape = await page.evaluate(async () => {
      const response = await fetch('/..%2fmain%2findex.js')
      return response.status
    })
    expect(escape).toBe(404)
  })

  test('refuses each garbage call with a diagnostic, and main keeps serving', async ({
    explorer,
  }) => {
    const refused: [string, string][] = [
      ['evaluate', 'nothing'],
      ['evaluate', 'null'],
      ['evaluate', 'number'],
      ['evaluate', 'string'],
      ['evaluate', 'emptyObject'],
      ['evaluate', 'wrongTypes'],
      ['evaluate', 'nanPoint'],
      ['evaluate', 'reversedDomain'],
      ['evaluate', 'tooManySamples'],
      ['evaluate', 'hugeExpression'],
      ['evaluate', 'prototypeKeys'],
      ['evaluate', 'deepNesting'],
      ['evaluate', 'cyclic'],
      ['evaluate', 'typedArray'],
      ['evaluate', 'map'],
      ['evaluate', 'date'],
      ['analyze', 'null'],
      ['analyze', 'number'],
      ['analyze', 'emptyObject'],
      ['analyze', 'hugeExpression'],
      ['savePng', 'null'],
      ['savePng', 'pngNotPng'],
      ['savePng', 'pngWrongName'],
      ['saveNotebook', 'nothing'],
      ['saveNotebook', 'null'],
      ['saveNotebook', 'string'],
      ['saveNotebook', 'notebookNotJson'],
      ['saveNotebook', 'notebookAsBytes'],
      ['saveNotebook', 'notebookNbformat3'],
      ['saveNotebook', 'notebookExtraField'],
    ]
    for (const [method, payload] of refused) {
      const outcome = await callBridge(explorer.page, method, payload)
      expect(outcome, `${method}(${payload})`).toMatchObject({ ok: false })
      const diagnostics = 'diagnostics' in outcome ? (outcome.diagnostics ?? []) : []
      expect(diagnostics.length, `${method}(${payload})`).toBeGreaterThan(0)
      for (const diagnostic of diagnostics) expect(diagnostic.message).toMatch(/\w/)
    }
    // What structured clone cannot copy never leaves the page, as in Electron.
    for (const payload of ['function', 'symbol', 'element'])
      expect(await callBridge(explorer.page, 'evaluate', payload)).toEqual({
        thrown: 'An object could not be cloned.',
      })

    await explorer.fn.type('x^3')
    await explorer.variables.set('x', 2)
    await expect(explorer.values.f).toHaveText('8')
    await expect(explorer.values.slope).toHaveText('12')
  })
})

test.describe('the core worker behind main', () => {
  test('a worker killed in the middle of a slider drag: the next frame comes from a fresh worker, no error shown', async ({
    explorer,
    desktopApp,
  }) => {
    const { page, variables, values, fn } = explorer
    await fn.type('x^2')
    await expect(values.f).toHaveText('4')
    const before = await desktopApp!.state()
    const track = (await variables.slider('x').boundingBox())!
    const y = track.y + track.height / 2
    const at = (f: number) => track.x + 8 + (track.width - 16) * f
    await page.mouse.move(at(0.7), y)
    await page.mouse.down()
    await page.mouse.move(at(0.75), y, { steps: 4 })
    await desktopApp!.killWorker()
    const rendersAtKill = await explorer.plot.renders()
    await page.mouse.move(at(0.85), y, { steps: 8 })
    await page.mouse.up()

    const x = await variables.currentValue('x')
    await expect(values.f).toHaveText(String(Number((x * x).toPrecision(6))))
    await expect(values.slope).toHaveText(String(Number((2 * x).toPrecision(6))))
    expect(await explorer.plot.renders()).toBeGreaterThan(rendersAtKill)
    await expect(fn.diagnostics).toHaveCount(0)
    await expect(page.getByText(/stopped unexpectedly|restarted/)).toHaveCount(0)
    const after = await desktopApp!.state()
    expect(after.workersStarted).toBe(before.workersStarted + 1)
    expect(after.workersAlive).toBe(1)
  })
})

test.describe('File › Export notebook in the desktop app', () => {
  test('saves a .ipynb through main’s saveNotebook, from the notebook’s button and from the menu key', async ({
    explorer,
    fileDialogs,
  }, testInfo) => {
    const notebook = new NotebookPage(explorer.page)
    const file = testInfo.outputPath('saved.ipynb')
    await fileDialogs.answerWith(file)
    await notebook.open()
    const cell = await notebook.addCodeCell(['import torch', 'torch.tensor(3.0) ** 2'])
    await notebook.run(cell)
    await expect(cell.getByTestId('nb-result')).toHaveText('tensor(9.)')

    await notebook.exportButton.click()
    await expect(notebook.status).toContainText(`Saved ${file}`)
    const saved = readNotebook(readFileSync(file, 'utf8'))
    expect(saved.ok).toBe(true)
    const last = saved.ok ? saved.value.cells.at(-1) : undefined
    expect(last?.source).toBe('import torch\ntorch.tensor(3.0) ** 2')
    expect(last?.outputs).toEqual([{ kind: 'result', text: 'tensor(9.)' }])

    // The menu's accelerator: main sends export-notebook, the page saves and says where, in any view.
    rmSync(file)
    await notebook.backToExplorer.click()
    await explorer.page.keyboard.press('Control+Shift+E')
    await expect(explorer.page.getByTestId('file-message')).toHaveText(new RegExp(`Saved ${file}`))
    expect(readNotebook(readFileSync(file, 'utf8')).ok).toBe(true)
  })
})
