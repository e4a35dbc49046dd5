import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { writeFileAtomically } from './atomic-write'

let folder: string
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'calculus-atomic-'))
})

const bytes = (...values: number[]) => Uint8Array.from(values)

describe('writeFileAtomically', () => {
  it('writes the bytes and leaves nothing else in the folder', async () => {
    const target = join(folder, 'plot.png')
    await writeFileAtomically(target, bytes(1, 2, 3))
    expect([...readFileSync(target)]).toEqual([1, 2, 3])
    expect(readdirSync(folder)).toEqual(['plot.png'])
  })

  it('replaces an existing file whole', async () => {
    const target = join(folder, 'plot.png')
    writeFileSync(target, bytes(9, 9, 9, 9, 9))
    await writeFileAtomically(target, bytes(4))
    expect([...readFileSync(target)]).toEqual([4])
    expect(readdirSync(folder)).toEqual(['plot.png'])
  })

  it.each([240, 250, 255])(
    'writes a file whose name is %i bytes, the temporary name adding none',
    async (length) => {
      const name = `${'a'.repeat(length - 4)}.png`
      expect(Buffer.byteLength(name)).toBe(length)
      await writeFileAtomically(join(folder, name), bytes(7))
      expect(readdirSync(folder)).toEqual([name])
    },
  )

  it('removes the temporary file when the rename fails (the target is a folder)', async () => {
    const target = join(folder, 'taken')
    mkdirSync(target)
    await expect(writeFileAtomically(target, bytes(1))).rejects.toThrow(/EISDIR|EEXIST|ENOTEMPTY/)
    expect(readdirSync(folder)).toEqual(['taken'])
  })

  it('fails without leaving anything when the folder is missing or cannot be written', async () => {
    await expect(writeFileAtomically(join(folder, 'no', 'plot.png'), bytes(1))).rejects.toThrow(
      /ENOENT/,
    )
    const locked = join(folder, 'locked')
    mkdirSync(locked)
    chmodSync(locked, 0o500)
    try {
      // root ignores permissions; the claim is only that nothing partial is left either way.
      await writeFileAtomically(join(locked, 'plot.png'), bytes(1)).catch(() => undefined)
      expect(readdirSync(locked).filter((name) => name.endsWith('.tmp'))).toEqual([])
    } finally {
      chmodSync(locked, 0o700)
    }
    expect(readdirSync(folder)).toEqual(['locked'])
  })
})
