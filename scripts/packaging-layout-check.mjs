#!/usr/bin/env node
// `npm run test:layout` — a PACKAGING LAYOUT CHECK, not a runnable app. It builds the app, then runs
// `electron-builder --linux dir` with a stand-in electronDist (a folder holding a fake `electron`
// executable, so no Electron download is needed) and reads the resulting app.asar to check what the
// installers would ship: main, preload, renderer and the core worker (unpacked), the icon, and nothing else
// (no node_modules, no sources, no tests, no devDependencies). It also reports the bundle and asar sizes.
// The packed "app" cannot start: its Electron is a shell script that says so.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const asar = require('@electron/asar')
const pkg = require('../package.json')

function run(label, command, args) {
  const started = Date.now()
  const result = spawnSync(process.execPath, [command, ...args], { cwd: root, encoding: 'utf8' })
  if (result.status !== 0) {
    console.error(`layout: ${label} failed:\n${result.stdout}\n${result.stderr}`)
    process.exit(1)
  }
  console.log(`layout: ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`
function sizeOf(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.size
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0)
}

const workDir = mkdtempSync(join(tmpdir(), 'calculus-layout-'))
const standIn = join(workDir, 'electron-stand-in')
const output = join(workDir, 'dist')
try {
  if (!process.argv.includes('--skip-build'))
    run(
      'electron-vite build',
      join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
      ['build', '-c', 'electron.config.ts'],
    )

  // What electron-builder copies as "Electron" for Linux: a folder with an `electron` executable.
  mkdirSync(standIn)
  const fakeElectron = join(standIn, 'electron')
  writeFileSync(
    fakeElectron,
    '#!/bin/sh\necho "Stand-in Electron from the packaging layout check: not a runnable app." >&2\nexit 1\n',
  )
  chmodSync(fakeElectron, 0o755)
  // The project's own build config, with two changes: the stand-in Electron, and no fuses (flipping a
  // fuse rewrites a sentinel inside the real Electron binary, which the stand-in does not have).
  const { electronFuses, ...buildConfig } = pkg.build
  const configFile = join(workDir, 'electron-builder.json')
  writeFileSync(
    configFile,
    JSON.stringify({
      ...buildConfig,
      electronDist: standIn,
      directories: { ...buildConfig.directories, output },
    }),
  )
  run(
    'electron-builder --linux dir (stand-in electronDist)',
    require.resolve('electron-builder/cli.js'),
    ['--linux', 'dir', '--publish', 'never', '--config', configFile],
  )

  const unpackedApp = join(output, 'linux-unpacked')
  const archive = join(unpackedApp, 'resources', 'app.asar')
  const listing = asar.listPackage(archive, { isPack: true }).map((line) => {
    const [state, path] = line.split(/\s*:\s*/)
    return { path: path.slice(1), unpacked: state.trim() === 'unpack' }
  })
  const files = listing.filter(({ path }) => {
    try {
      return !asar.statFile(archive, path).files
    } catch {
      return false
    }
  })
  const paths = new Set(files.map((file) => file.path))
  const read = (path) => asar.extractFile(archive, path).toString('utf8')

  const checks = []
  const check = (name, passed, detail = '') =>
    checks.push({ name, passed: Boolean(passed), detail })

  const packedPkg = JSON.parse(read('package.json'))
  check(
    'package.json points at the main bundle',
    packedPkg.main === 'out/main/index.js' && paths.has(packedPkg.main),
  )
  check('package.json keeps "type": "module" for the ESM main', packedPkg.type === 'module')
  check('holds the main bundle', paths.has('out/main/index.js'))
  check('holds the CommonJS preload', paths.has('out/preload/index.cjs'))
  check('holds the renderer page', paths.has('out/renderer/index.html'))

  const html = read('out/renderer/index.html')
  const referenced = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map(
    (match) => `out/renderer/${match[1]}`,
  )
  const missing = referenced.filter((path) => !paths.has(path))
  check(
    'holds every script and stylesheet the page references',
    referenced.length > 0 && missing.length === 0,
    missing.join(', '),
  )

  const mainSource = read('out/main/index.js')
  const workerName = /chunks\/(worker-[\w-]+\.mjs)/.exec(mainSource)?.[1]
  const worker = workerName && files.find((file) => file.path === `out/main/chunks/${workerName}`)
  check(
    'main refers to a core worker chunk that is in the archive',
    worker,
    workerName ?? 'no worker path in main',
  )
  check(
    'the worker is unpacked beside the asar, where a worker thread can load it',
    worker?.unpacked &&
      existsSync(
        join(unpackedApp, 'resources', 'app.asar.unpacked', 'out', 'main', 'chunks', workerName),
      ),
  )
  const preloadSource = read('out/preload/index.cjs')
  check(
    'the preload is CommonJS (sandboxed preloads cannot be ES modules)',
    /require\(["']electron["']\)/.test(preloadSource) && !/^\s*import\s/m.test(preloadSource),
  )

  const allowedRoots = ['package.json', 'out/main/', 'out/preload/', 'out/renderer/']
  const strays = files.filter(
    ({ path }) => !allowedRoots.some((prefix) => path === prefix || path.startsWith(prefix)),
  )
  check(
    'holds only package.json and out/{main,preload,renderer}',
    strays.length === 0,
    strays.map((f) => f.path).join(', '),
  )
  const modules = files.filter(({ path }) => path.includes('node_modules/'))
  check('holds no node_modules at all', modules.length === 0, `${modules.length} files`)
  const devNames = Object.keys(pkg.devDependencies ?? {})
  const devDependencyFiles = files.filter(({ path }) =>
    devNames.some((name) => path.includes(`/${name}/`)),
  )
  check(
    'holds no devDependency package',
    devDependencyFiles.length === 0,
    devDependencyFiles.map((f) => f.path).join(', '),
  )
  const sourceOrTest = files.filter(({ path }) =>
    /\.(ts|vue|map)$|\.test\.|test-support\//.test(path),
  )
  check(
    'holds no sources, tests or source maps',
    sourceOrTest.length === 0,
    sourceOrTest.map((f) => f.path).join(', '),
  )
  check(
    'the installers are configured to burn the hardening fuses (applied to the real Electron only)',
    electronFuses?.runAsNode === false &&
      electronFuses?.enableNodeOptionsEnvironmentVariable === false &&
      electronFuses?.enableNodeCliInspectArguments === false &&
      electronFuses?.onlyLoadAppFromAsar === true,
  )
  check(
    'the stand-in executable was renamed to the app',
    existsSync(join(unpackedApp, pkg.build.linux.executableName)),
  )

  const failed = checks.filter((entry) => !entry.passed)
  for (const entry of checks)
    console.log(
      `${entry.passed ? 'ok  ' : 'FAIL'} ${entry.name}${entry.detail && !entry.passed ? `: ${entry.detail}` : ''}`,
    )

  console.log('\nsizes:')
  for (const part of ['main', 'preload', 'renderer'])
    console.log(`  out/${part}: ${kib(sizeOf(join(root, 'out', part)))}`)
  console.log(`  app.asar: ${kib(statSync(archive).size)} (${files.length} files)`)
  console.log(
    `  app.asar.unpacked: ${kib(sizeOf(join(unpackedApp, 'resources', 'app.asar.unpacked')))}`,
  )

  console.log(`\nlayout: ${checks.length - failed.length} passed, ${failed.length} failed`)
  process.exitCode = failed.length === 0 ? 0 : 1
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
