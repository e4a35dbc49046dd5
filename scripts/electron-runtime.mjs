// Where the Electron executable would be, found the way node_modules/electron/index.js finds it but
// without its side effect: requiring the `electron` package downloads the binary when it is missing,
// which on a machine without access to Electron's releases fails with a stack trace.
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
