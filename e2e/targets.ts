import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where things are on this machine, found without starting (or downloading) anything. */

const repoRoot = fileURLToPath(new URL('..', import.meta.url))

/** Debian's Chromium binary (/usr/bin/chromium is a shell wrapper around it). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium']
  return candidates.find((path): path is string => !!path && existsSync(path))
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The Electron binary, if one was installed. Read from the electron package's path.txt (what
 * `require('electron')` would return) without requiring the package: requiring it starts a download.
 */
export function electronBinary(): string | undefined {
  if (process.env.ELECTRON_PATH && existsSync(process.env.ELECTRON_PATH)) {
    return process.env.ELECTRON_PATH
  }
  const packageDir = `${repoRoot}node_modules/electron`
  const pathFile = `${packageDir}/path.txt`
  if (!existsSync(pathFile)) return undefined
  const binary = `${packageDir}/dist/${readFileSync(pathFile, 'utf8').trim()}`
  return existsSync(binary) ? binary : undefined
}

/** The desktop app built for tests (`npm run build:e2e`): the shipped build has no test hook. */
export const builtDesktop = `${repoRoot}out/e2e`
export const builtMain = `${builtDesktop}/main/index.js`

export const NO_ELECTRON_REASON =
  'No Electron binary here (node_modules/electron/dist is missing); the electron project runs once it is ' +
  'installed: `npm start` fetches it on first use, or `npx install-electron`, where Electron releases can be reached.'
