import { execFileSync } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { PNG_SIGNATURE } from '../core/png/chunks'
import { LIMITS } from '../core/protocol/limits'
import { writeNotebook } from '../core/ipynb'
import { openPng, saveNotebook, savePng } from './export'
import { dialog, fake } from './test-support/fake-electron.mjs'

let directory: string
const dialogs = () => ({
  dialog: dialog as unknown as Dialog,
  window: null,
  defaultDirectory: '/home/me/Pictures',
})
const png = (fill: number) => {
  const bytes = new Uint8Array(64).fill(fill)
  bytes.set(PNG_SIGNATURE)
  return bytes
}

beforeEach(() => {
  fake.reset()
  directory = mkdtempSync(join(tmpdir(), 'calculus-export-'))
})

describe('savePng', () => {
  it('offers a sanitized name in the save dialog and writes the bytes where the user chose', async () => {
    const target = join(directory, 'chosen.png')
    fake.answerNextDialog({ canceled: false, filePath: target })
    const bytes = png(7)
    expect(await savePng({ bytes, suggestedName: '../x^2 / plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    const [options] = fake.callsTo('dialog.showSaveDialog')[0] as [
      { defaultPath: string; filters: unknown },
    ]
    expect(options.defaultPath).toBe(join('/home/me/Pictures', 'x^2 - plot.png'))
    expect(options.filters).toEqual([{ name: 'PNG image', extensions: ['png'] }])
    expect(new Uint8Array(readFileSync(target))).toEqual(bytes)
    expect(readdirSync(directory)).toEqual(['chosen.png'])
  })

  it('saves under a name of 255 bytes, the longest the file system allows, leaving nothing else', async () => {
    const target = join(directory, `${'a'.repeat(251)}.png`)
    fake.answerNextDialog({ canceled: false, filePath: target })
    expect(await savePng({ bytes: png(2), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    expect(readdirSync(directory)).toEqual([`${'a'.repeat(251)}.png`])
  })

  it('answers a diagnostic and leaves no temporary file when the chosen path is a folder', async () => {
    const taken = join(directory, 'taken.png')
    mkdirSync(taken)
    fake.answerNextDialog({ canceled: false, filePath: taken })
    expect(await savePng({ bytes: png(2), suggestedName: 'plot' }, dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'file-problem' }],
    })
    expect(readdirSync(directory)).toEqual(['taken.png'])
  })

  it('adds .png when the dialog returns a name without it, and no file of that name exists', async () => {
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'plot') })
    expect(await savePng({ bytes: png(1), suggestedName: 'plot' }, dialogs())).toMatchObject({
      value: { path: join(directory, 'plot.png') },
    })
    expect(fake.callsTo('dialog.showMessageBox')).toEqual([])
  })

  it('asks before replacing plot.png when the learner typed plot, and keeps the file if they cancel', async () => {
    const existing = join(directory, 'plot.png')
    writeFileSync(existing, 'precious')
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'plot') })
    expect(await savePng({ bytes: png(1), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: false },
    })
    const [options] = fake.callsTo('dialog.showMessageBox')[0] as [
      { message: string; buttons: string[]; cancelId: number },
    ]
    expect(options).toMatchObject({
      message: 'plot.png already exists. Do you want to replace it?',
      buttons: ['Replace', 'Cancel'],
      cancelId: 1,
    })
    expect(readFileSync(existing, 'utf8')).toBe('precious')
    expect(readdirSync(directory)).toEqual(['plot.png'])
  })

  it('replaces plot.png after typing plot only when the learner confirms', async () => {
    const existing = join(directory, 'plot.png')
    writeFileSync(existing, 'old')
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'plot') })
    fake.answerNextDialog({ response: 0, checkboxChecked: false })
    expect(await savePng({ bytes: png(4), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: true, path: existing },
    })
    expect(new Uint8Array(readFileSync(existing))).toEqual(png(4))
  })

  it('saves through main under a chosen name of 255 bytes (the temporary name stays short)', async () => {
    const stem = 'é'.repeat(125) + 'ab' // 252 bytes in UTF-8; with .png, 256 would be one too many
    const target = join(directory, `${stem.slice(0, -1)}.png`)
    expect(Buffer.byteLength(`${stem.slice(0, -1)}.png`)).toBe(255)
    fake.answerNextDialog({ canceled: false, filePath: target })
    expect(await savePng({ bytes: png(5), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    expect(existsSync(target)).toBe(true)
  })

  it('answers saved: false when the dialog is cancelled, and writes nothing', async () => {
    expect(await savePng({ bytes: png(1), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: true,
      value: { saved: false },
    })
    expect(readdirSync(directory)).toEqual([])
  })

  it('checks the bytes again right before writing', async () => {
    const result = await savePng({ bytes: new Uint8Array(64), suggestedName: 'plot' }, dialogs())
    expect(result).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
    expect(fake.callsTo('dialog.showSaveDialog')).toEqual([])
  })

  it('replaces an existing file whole and leaves no temporary file', async () => {
    const target = join(directory, 'plot.png')
    writeFileSync(target, 'old contents')
    fake.answerNextDialog({ canceled: false, filePath: target })
    await savePng({ bytes: png(9), suggestedName: 'plot' }, dialogs())
    expect(new Uint8Array(readFileSync(target))).toEqual(png(9))
    expect(readdirSync(directory)).toEqual(['plot.png'])
  })

  it('reports a write failure as a value and leaves neither a partial nor a temporary file', async () => {
    const missing = join(directory, 'no-such-folder', 'plot.png')
    fake.answerNextDialog({ canceled: false, filePath: missing })
    expect(await savePng({ bytes: png(1), suggestedName: 'plot' }, dialogs())).toEqual({
      ok: false,
      diagnostics: [
        {
          code: 'file-problem',
          message: 'Could not write plot.png (ENOENT).',
          span: [0, 0],
        },
      ],
    })
  })
})

describe('saveNotebook', () => {
  const text = writeNotebook({
    cells: [
      { id: 'a', kind: 'code', source: 'x = torch.tensor(2.0)', executionCount: null, outputs: [] },
    ],
  })

  it('offers a sanitized .ipynb name with the notebook filter and writes the text as UTF-8', async () => {
    const target = join(directory, 'mine.ipynb')
    fake.answerNextDialog({ canceled: false, filePath: target })
    const unicode = text.replace('x = ', 'π = ')
    expect(await saveNotebook({ text: unicode, suggestedName: '../lab: 1' }, dialogs())).toEqual({
      ok: true,
      value: { saved: true, path: target },
    })
    const [options] = fake.callsTo('dialog.showSaveDialog')[0] as [
      { title: string; defaultPath: string; filters: unknown },
    ]
    expect(options.title).toBe('Export notebook')
    expect(options.defaultPath).toBe(join('/home/me/Pictures', 'lab- 1.ipynb'))
    expect(options.filters).toEqual([{ name: 'Jupyter notebook', extensions: ['ipynb'] }])
    expect(readFileSync(target, 'utf8')).toBe(unicode)
    expect(readdirSync(directory)).toEqual(['mine.ipynb'])
  })

  it('adds .ipynb to a name typed without it, and asks before replacing a file of that name', async () => {
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'lab') })
    expect(await saveNotebook({ text, suggestedName: 'lab' }, dialogs())).toMatchObject({
      value: { saved: true, path: join(directory, 'lab.ipynb') },
    })
    expect(fake.callsTo('dialog.showMessageBox')).toEqual([])
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'lab') })
    expect(await saveNotebook({ text: `${text} `, suggestedName: 'lab' }, dialogs())).toEqual({
      ok: true,
      value: { saved: false },
    })
    const [question] = fake.callsTo('dialog.showMessageBox')[0] as [{ message: string }]
    expect(question.message).toBe('lab.ipynb already exists. Do you want to replace it?')
    expect(readFileSync(join(directory, 'lab.ipynb'), 'utf8')).toBe(text)
  })

  it('answers saved: false when cancelled, and checks the notebook again before any dialog', async () => {
    expect(await saveNotebook({ text, suggestedName: 'lab' }, dialogs())).toEqual({
      ok: true,
      value: { saved: false },
    })
    expect(
      await saveNotebook({ text: '{"nbformat": 4}', suggestedName: 'lab' }, dialogs()),
    ).toMatchObject({ ok: false, diagnostics: [{ code: 'invalid-request' }] })
    expect(fake.callsTo('dialog.showSaveDialog')).toHaveLength(1)
    expect(readdirSync(directory)).toEqual([])
  })

  it('answers a diagnostic when the chosen path is a folder', async () => {
    mkdirSync(join(directory, 'taken.ipynb'))
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'taken.ipynb') })
    expect(await saveNotebook({ text, suggestedName: 'lab' }, dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ code: 'file-problem' }],
    })
    expect(readdirSync(directory)).toEqual(['taken.ipynb'])
  })
})

describe('openPng', () => {
  it('reads the chosen PNG and answers its name and bytes as a plain Uint8Array', async () => {
    const path = join(directory, 'saved plot.png')
    writeFileSync(path, png(3))
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    const result = await openPng(dialogs())
    expect(result).toEqual({
      ok: true,
      value: { opened: true, name: 'saved plot.png', bytes: png(3) },
    })
    expect(result.ok && result.value.opened && Buffer.isBuffer(result.value.bytes)).toBe(false)
  })

  it('reads a chosen .ipynb as it is (the renderer validates the notebook), and refuses a huge one', async () => {
    const path = join(directory, 'lab.ipynb')
    writeFileSync(path, '{"nbformat": 4}')
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    const result = await openPng(dialogs())
    const [options] = fake.callsTo('dialog.showOpenDialog').at(-1) as [{ filters: unknown }]
    expect(options.filters).toEqual([
      { name: 'Plots and notebooks', extensions: ['png', 'ipynb'] },
      { name: 'PNG image', extensions: ['png'] },
      { name: 'Jupyter notebook', extensions: ['ipynb'] },
    ])
    expect(result).toEqual({
      ok: true,
      value: {
        opened: true,
        name: 'lab.ipynb',
        bytes: new TextEncoder().encode('{"nbformat": 4}'),
      },
    })
    writeFileSync(path, new Uint8Array(LIMITS.ipynb.fileChars + 1).fill(32))
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Lab.ipynb is larger than 16 MB.' }],
    })
  })

  it('answers opened: false when cancelled', async () => {
    expect(await openPng(dialogs())).toEqual({ ok: true, value: { opened: false } })
  })

  it('refuses a file that is not a PNG, or too large, without reading it all', async () => {
    const text = join(directory, 'notes.png')
    writeFileSync(text, 'just text, renamed')
    fake.answerNextDialog({ canceled: false, filePaths: [text] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Notes.png is not a PNG image.' }],
    })
    const big = join(directory, 'big.png')
    writeFileSync(big, new Uint8Array(LIMITS.maxPngBytes + 1))
    fake.answerNextDialog({ canceled: false, filePaths: [big] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Big.png is larger than 32 MB.' }],
    })
  })

  it('opens a PNG of exactly the limit, and refuses one byte more', async () => {
    const atLimit = new Uint8Array(LIMITS.maxPngBytes)
    atLimit.set(PNG_SIGNATURE)
    const path = join(directory, 'edge.png')
    writeFileSync(path, atLimit)
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    const result = await openPng(dialogs())
    expect(result.ok && result.value.opened && result.value.bytes.length).toBe(LIMITS.maxPngBytes)
    writeFileSync(path, new Uint8Array(LIMITS.maxPngBytes + 1).fill(1).fill(0, 0, 8))
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Edge.png is larger than 32 MB.' }],
    })
  })

  const notRegular = 'Plot.png is not a regular file.'
  const openedQuickly = async (path: string) => {
    fake.answerNextDialog({ canceled: false, filePaths: [path] })
    const started = Date.now()
    const result = await openPng(dialogs())
    expect(Date.now() - started).toBeLessThan(2000)
    return result
  }

  it.runIf(process.platform !== 'win32')(
    'refuses a FIFO at once instead of waiting for a writer',
    async () => {
      const fifo = join(directory, 'plot.png')
      execFileSync('mkfifo', [fifo])
      expect(await openedQuickly(fifo)).toMatchObject({
        ok: false,
        diagnostics: [{ message: notRegular }],
      })
    },
    5000,
  )

  it.runIf(existsSync('/dev/zero'))(
    'refuses /dev/zero, and a link to it named plot.png, without reading a byte',
    async () => {
      expect(await openedQuickly('/dev/zero')).toMatchObject({
        ok: false,
        diagnostics: [{ message: 'Zero is not a regular file.' }],
      })
      const link = join(directory, 'plot.png')
      symlinkSync('/dev/zero', link)
      expect(await openedQuickly(link)).toMatchObject({
        ok: false,
        diagnostics: [{ message: notRegular }],
      })
    },
    5000,
  )

  it('refuses a folder named plot.png', async () => {
    const folder = join(directory, 'plot.png')
    mkdirSync(folder)
    expect(await openedQuickly(folder)).toMatchObject({
      ok: false,
      diagnostics: [{ message: notRegular }],
    })
  })

  it('follows a link to a real PNG', async () => {
    const real = join(directory, 'real.png')
    writeFileSync(real, png(6))
    const link = join(directory, 'plot.png')
    symlinkSync(real, link)
    expect(await openedQuickly(link)).toEqual({
      ok: true,
      value: { opened: true, name: 'plot.png', bytes: png(6) },
    })
  })
})
