// @ts-check
/**
 * `npm run build:e2e`: the desktop build made for tests (`--mode e2e`, with the chart's test hook) into
 * out/e2e. The folder is passed absolute: electron-vite resolves a relative --outDir against the
 * renderer's root (src-renderer/) for the renderer, which would put it in src-renderer/out/e2e.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const cli = join(
  dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')),
  'bin',
  'electron-vite.js',
)
const args = [
  cli,
  'build',
  '-c',
  'electron.config.ts',
  '--mode',
  'e2e',
  '--outDir',
  join(root, 'out', 'e2e'),
  '--logLevel',
  'warn',
]
const { status } = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' })
process.exit(status ?? 1)
