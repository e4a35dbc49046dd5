import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  parseWindowState,
  saveWindowState,
} from './window-state'

const laptop = [{ x: 0, y: 0, width: 1440, height: 900 }]

describe('parseWindowState', () => {
  it('keeps a position that is still on a display', () => {
    expect(
      parseWindowState(
        { bounds: { x: 100, y: 80, width: 1000, height: 700 }, maximized: true },
        laptop,
      ),
    ).toEqual({
      bounds: { x: 100, y: 80, width: 1000, height: 700 },
      maximized: true,
    })
  })

  it('keeps the size but drops a position on a display that is gone', () => {
    expect(
      parseWindowState({ bounds: { x: 2500, y: 100, width: 1000, height: 700 } }, laptop),
    ).toEqual({
      bounds: { width: 1000, height: 700 },
      maximized: false,
    })
  })

  it('holds the size to the minimum', () => {
    expect(parseWindowState({ bounds: { width: 10, height: 10 } }, laptop).bounds).toEqual({
      width: 800,
      height: 560,
    })
  })

  it.each([
    null,
    'text',
    {},
    { bounds: null },
    { bounds: { width: '1000', height: 700 } },
    { bounds: { width: 1.5, height: 700 } },
  ])('falls back to the default for %j', (raw) => {
    expect(parseWindowState(raw, laptop)).toEqual(DEFAULT_WINDOW_STATE)
  })
})

describe('loadWindowState / saveWindowState', () => {
  it('round-trips through the file and leaves no temporary file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'window-state-'))
    const file = join(directory, 'nested', 'window-state.json')
    const state = { bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: false }
    saveWindowState(file, state)
    expect(loadWindowState(file, laptop)).toEqual(state)
    expect(readdirSync(join(directory, 'nested'))).toEqual(['window-state.json'])
  })

  it('starts from the default when the file is missing or corrupt', () => {
    const directory = mkdtempSync(join(tmpdir(), 'window-state-'))
    expect(loadWindowState(join(directory, 'none.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE)
    writeFileSync(join(directory, 'bad.json'), '{"bounds": {')
    expect(loadWindowState(join(directory, 'bad.json'), laptop)).toEqual(DEFAULT_WINDOW_STATE)
  })
})
