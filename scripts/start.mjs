#!/usr/bin/env node
// `npm start` (build, then launch) and `npm run dev` (hot reload). Both need the Electron binary; where
// it cannot be had, say so in a few lines and point to the browser build instead of letting electron-vite
// fail deep inside a download with a stack trace.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { downloadElectron, findElectronExecutable } from './electron-runtime.mjs'

const mode = process.argv.includes('--dev') ? 'dev' : 'preview'
let electron = findElectronExecutable()

// The electron package downloads its binary on first use, not at install: do that here, once, so that
// `npm install && npm start` is all a newcomer needs wherever Electron's releases can be reached.
const mayDownload =
  !electron.found &&
  !process.env.ELECTRON_OVERRIDE_DIST_PATH &&
  !process.env.ELECTRON_SKIP_BINARY_DOWNLOAD &&
  !electron.reason.includes('not installed')
if (mayDownload) {
  process.stderr.write('Downloading Electron (first start only)…\n')
  const download = downloadElectron()
  electron = download.ok ? findElectronExecutable() : { found: false, reason: download.reason }
}

if (!electron.found) {
  process.stderr.write(
    [
      `Calculus Lab cannot start as a desktop app here: ${electron.reason}.`,
      '',
      '  Use it in your browser instead:   npm run web',
      "  Or get Electron (about 100 MB, from Electron's GitHub releases):   npx install-electron",
      '  (or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an unpacked Electron 45 build)',
      '',
    ].join('\n'),
  )
  process.exit(1)
}

const cli = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
)
const child = spawn(process.execPath, [cli, mode, '-c', 'electron.config.ts'], { stdio: 'inherit' })
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
