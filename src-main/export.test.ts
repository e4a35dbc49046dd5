import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Dialog } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { PNG_SIGNATURE } from '../core/png/chunks'
import { LIMITS } from '../core/protocol/limits'
import { openPng, savePng } from './export'
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
      diagnostics: [{ code: 'internal' }],
    })
    expect(readdirSync(directory)).toEqual(['taken.png'])
  })

  it('adds .png when the dialog returns a name without it', async () => {
    fake.answerNextDialog({ canceled: false, filePath: join(directory, 'plot') })
    expect(await savePng({ bytes: png(1), suggestedName: 'plot' }, dialogs())).toMatchObject({
      value: { path: join(directory, 'plot.png') },
    })
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
          code: 'internal',
          message: 'Internal error: could not write plot.png (ENOENT).',
          span: [0, 0],
        },
      ],
    })
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

  it('answers opened: false when cancelled', async () => {
    expect(await openPng(dialogs())).toEqual({ ok: true, value: { opened: false } })
  })

  it('refuses a file that is not a PNG, or too large, without reading it all', async () => {
    const text = join(directory, 'notes.png')
    writeFileSync(text, 'just text, renamed')
    fake.answerNextDialog({ canceled: false, filePaths: [text] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Internal error: notes.png is not a PNG image.' }],
    })
    const big = join(directory, 'big.png')
    writeFileSync(big, new Uint8Array(LIMITS.maxPngBytes + 1))
    fake.answerNextDialog({ canceled: false, filePaths: [big] })
    expect(await openPng(dialogs())).toMatchObject({
      ok: false,
      diagnostics: [{ message: 'Internal error: big.png is larger than 32 MB.' }],
    })
  })
})
