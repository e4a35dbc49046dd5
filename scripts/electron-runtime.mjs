// Where the Electron executable would be, found the way node_modules/electron/index.js finds it but
// without its side effect: requiring the `electron` package downloads the binary when it is missing,
// which on a machine without access to Electron's releases fails with a stack trace.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** @returns {{ found: true, path: string } | { found: false, reason: string }} */
export function findElectronExecutable(env = process.env) {
  let packageDir
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'))
  } catch {
    return { found: false, reason: 'the electron package is not installed (run npm install)' }
  }
  const pathFile = join(packageDir, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    return existsSync(path)
      ? { found: true, path }
      : {
          found: false,
          reason: `ELECTRON_OVERRIDE_DIST_PATH has no Electron executable at ${path}`,
        }
  }
  if (!relative)
    return {
      found: false,
      reason: 'the Electron binary was never downloaded (node_modules/electron has no path.txt)',
    }
  const path = join(packageDir, 'dist', relative)
  return existsSync(path)
    ? { found: true, path }
    : { found: false, reason: `the Electron binary is missing from node_modules/electron/dist` }
}

/**
 * Fetches the Electron binary the way the electron package itself would on first use (its install.js),
 * quietly: progress goes to the terminal, a failure comes back as one line instead of a stack trace.
 * @returns {{ ok: true } | { ok: false, reason: string }}
 */
export function downloadElectron(env = process.env) {
  let installScript
  try {
    installScript = join(
      dirname(createRequire(import.meta.url).resolve('electron/package.json')),
      'install.js',
    )
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' }
  }
  const run = spawnSync(process.execPath, [installScript], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
    timeout: 15 * 60_000,
  })
  if (run.status === 0) return { ok: true }
  const firstLine =
    (run.stderr ?? '')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line && !line.startsWith('at ')) ?? `exit code ${run.status}`
  return { ok: false, reason: `downloading it failed (${firstLine})` }
}
