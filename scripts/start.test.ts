import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
// @ts-expect-error -- a plain .mjs script without type declarations
import { findElectronExecutable } from './electron-runtime.mjs'

const START = fileURLToPath(new URL('./start.mjs', import.meta.url))
type Lookup = { found: true; path: string } | { found: false; reason: string }
const find = findElectronExecutable as (env: Record<string, string>) => Lookup

describe('npm start without an Electron binary', () => {
  it('exits non-zero with a short message that points to npm run web, and no stack trace', () => {
    const run = spawnSync(process.execPath, [START], {
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmpdir(), 'no-electron-here') },
      timeout: 20_000,
    })
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('Calculus Lab cannot start as a desktop app here')
    expect(run.stderr).toContain('npm run web')
    expect(run.stderr).toContain('npx install-electron')
    expect(run.stderr).not.toMatch(/^\s+at /m)
    expect(run.stderr.split('\n').length).toBeLessThan(10)
  })

  // Where Electron is installed, npm start would launch the app instead: there is nothing to test.
  it.skipIf(find(process.env as Record<string, string>).found)(
    'tries to download Electron first, and explains in one line when that fails',
    () => {
      const run = spawnSync(process.execPath, [START], {
        encoding: 'utf8',
        // Nothing listens on port 9 of this machine: the download fails at once, offline or not. CI sets
        // ELECTRON_SKIP_BINARY_DOWNLOAD for npm ci; unset here, so that start's own attempt is what runs.
        env: {
          ...process.env,
          ELECTRON_SKIP_BINARY_DOWNLOAD: '',
          ELECTRON_MIRROR: 'http://127.0.0.1:9/',
          electron_config_cache: tmpdir(),
        },
        timeout: 60_000,
      })
      expect(run.status).toBe(1)
      expect(run.stderr).toContain('Downloading Electron (first start only)')
      expect(run.stderr).toMatch(/cannot start as a desktop app here: downloading it failed \(.+\)/)
      expect(run.stderr).toContain('npm run web')
      expect(run.stderr).not.toMatch(/^\s+at /m)
    },
  )
})

describe('findElectronExecutable', () => {
  it('finds an Electron build named by ELECTRON_OVERRIDE_DIST_PATH without downloading anything', () => {
    const dist = mkdtempSync(join(tmpdir(), 'electron-dist-'))
    writeFileSync(join(dist, 'electron'), '#!/bin/sh\n')
    chmodSync(join(dist, 'electron'), 0o755)
    expect(find({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({
      found: true,
      path: join(dist, 'electron'),
    })
  })

  it('says why when the override points at nothing', () => {
    const result = find({ ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' })
    expect(result.found).toBe(false)
  })
})
