#!/usr/bin/env node
// `npm run test:layout` — a PACKAGING LAYOUT CHECK, not a runnable app. It builds the app, then runs
// `electron-builder --linux dir` with a stand-in electronDist (a folder holding a fake `electron`
// executable, so no Electron download is needed) and reads the resulting app.asar to check what the
// installers would ship: main, preload, renderer and the core worker (unpacked), the icon, and nothing else
// (no node_modules, no sources, no tests, no devDependencies). It also builds the web app, and checks that
// no shipped bundle (out/main, out/preload, out/renderer, out/web) carries test support or the chart's test
// hook, and that KaTeX's fonts ship as woff2 only. It reports the bundle and asar sizes. Last, it has
// electron-builder compute the .deb it would write (debMetadataChecks: name, version, desktop entry, icon
// sizes, categories) and stops it before fpm, which it would download.
// The packed "app" cannot start: its Electron is a shell script that says so.
import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
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

/** Every file under `path`, as paths from `path`. */
function filesUnder(path, prefix = '') {
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? filesUnder(join(path, entry.name), `${prefix}${entry.name}/`)
      : [`${prefix}${entry.name}`],
  )
}

/**
 * Text that only test code holds, each surviving minification (a window property, a library's messages)
 * or naming test support in the unminified bundles (main, preload).
 */
const TEST_MARKERS = [
  ["the chart's test hook", '__calculusLab'],
  ["the test hook's factory", 'createTestHook'],
  ["the renderer's fake client", 'createFakeClient'],
  ["the renderer's test stores", 'freshStores'],
  ['the fake electron', 'fake-electron'],
  ['a test-support module', 'test-support/'],
  ['fast-check', 'Property failed by returning false'],
  ['pngjs', 'bad png - invalid'],
]
/** Which markers the code files of a build contain, as "marker in file". */
function testCodeIn(dir) {
  return filesUnder(dir)
    .filter((file) => /\.(?:m?js|cjs|html|css)$/.test(file))
    .flatMap((file) => {
      const text = readFileSync(join(dir, file), 'utf8')
      return TEST_MARKERS.filter(([, marker]) => text.includes(marker)).map(
        ([what]) => `${what} in ${file}`,
      )
    })
}

/**
 * The .deb electron-builder would write, computed by electron-builder itself from the project's config
 * without fpm (which it would download): its deb target runs up to the fpm call on the app packed above
 * (`prepackaged`), and `effectiveOptionComputed` hands us fpm's arguments and the desktop entry it wrote,
 * then stops the build. Checks the package name, version and maintainer, the desktop entry (name, exec,
 * icon, categories) and where it is installed, and one hicolor icon per PNG size in assets/icons.
 */
async function debMetadataChecks({ config, unpackedApp, check }) {
  const { build, Platform, Arch } = require('electron-builder')
  /** @type {{ args: string[], desktopEntry: string } | null} */
  let computed = null
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('deb', Arch.x64),
    config: { ...config, linux: { ...config.linux, target: ['deb'] } },
    prepackaged: unpackedApp,
    publish: 'never',
    effectiveOptionComputed: async ([args, desktopFile]) => {
      computed = { args, desktopEntry: readFileSync(desktopFile, 'utf8') }
      return true // stop before fpm
    },
  })
  if (!computed) {
    check('electron-builder computed the .deb metadata', false, 'no fpm arguments were computed')
    return
  }
  const { args, desktopEntry } = computed
  const option = (name) => {
    const index = args.indexOf(`--${name}`)
    return index === -1 ? undefined : args[index + 1]
  }
  const entry = Object.fromEntries(
    desktopEntry
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  )
  const installs = args.filter((arg) => /^[^-].*=\//.test(arg)).map((arg) => arg.split('=').pop())
  const executable = config.linux.executableName

  check('the .deb is named after package.json', option('name') === pkg.name, option('name'))
  check("the .deb has package.json's version", option('version') === pkg.version, option('version'))
  check(
    'the .deb names its maintainer',
    option('maintainer') === config.linux.maintainer,
    option('maintainer'),
  )
  check(
    'the desktop entry is a launchable application named Calculus Lab',
    desktopEntry.startsWith('[Desktop Entry]\n') &&
      entry.Name === pkg.productName &&
      entry.Type === 'Application' &&
      entry.Terminal === 'false' &&
      entry.Exec === `"/opt/${pkg.productName}/${executable}" %U` &&
      entry.Icon === executable,
    desktopEntry,
  )
  check(
    'the desktop entry lists the categories Education;Science;Math',
    entry.Categories === 'Education;Science;Math;',
    entry.Categories,
  )
  check(
    'the desktop entry is installed as /usr/share/applications/calculus-lab.desktop',
    installs.includes(`/usr/share/applications/${executable}.desktop`),
    installs.join(', '),
  )
  const sizes = readdirSync(join(root, 'assets', 'icons'))
    .map((name) => /^(\d+)x\1\.png$/.exec(name)?.[1])
    .filter(Boolean)
    .map(Number)
    .sort((a, b) => a - b)
  const installedIcons = installs
    .map((path) => /^\/usr\/share\/icons\/hicolor\/(\d+)x\1\/apps\/(.+)$/.exec(path))
    .filter(Boolean)
  const installedSizes = installedIcons.map((match) => Number(match[1])).sort((a, b) => a - b)
  check(
    `the .deb installs a hicolor icon for each size (${sizes.join(', ')})`,
    sizes.length > 0 &&
      JSON.stringify(installedSizes) === JSON.stringify(sizes) &&
      installedIcons.every((match) => match[2] === `${executable}.png`),
    installedSizes.join(', '),
  )
  console.log(
    `\n.deb metadata: ${option('name')} ${option('version')}, ${installs.length} installed paths\n${desktopEntry}`,
  )
}

/**
 * Every hardening fuse (Electron's security checklist, item 19; electron-builder's `electronFuses` names)
 * and the value it must be set to: the fuses that a packaged app does not need are off, the checks it
 * relies on are on. Returns one line per fuse that is missing or set otherwise, so a fuse dropped from
 * package.json, or flipped, fails the check by name.
 */
const HARDENING_FUSES = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  grantFileProtocolExtraPrivileges: false,
}
function fuseProblems(fuses) {
  return Object.entries(HARDENING_FUSES)
    .filter(([name, wanted]) => fuses?.[name] !== wanted)
    .map(([name, wanted]) => `${name} is ${fuses?.[name] ?? 'unset'}, not ${wanted}`)
}

const workDir = mkdtempSync(join(tmpdir(), 'calculus-layout-'))
const standIn = join(workDir, 'electron-stand-in')
const output = join(workDir, 'dist')
try {
  const vite = join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js')
  if (!process.argv.includes('--skip-build')) {
    run(
      'electron-vite build',
      join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'),
      ['build', '-c', 'electron.config.ts'],
    )
    run('vite build (web)', vite, ['build', '-c', 'vite.web.config.ts', '--logLevel', 'warn'])
  }
  // The build made for tests, to prove the scan below finds the hook where it is meant to be.
  run('vite build --mode e2e (web, for tests)', vite, [
    'build',
    '-c',
    'vite.web.config.ts',
    '--mode',
    'e2e',
    '--logLevel',
    'warn',
  ])

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
  for (const part of ['main', 'preload', 'renderer', 'web']) {
    const found = testCodeIn(join(root, 'out', part))
    check(
      `out/${part} carries no test support and no test hook`,
      found.length === 0,
      found.join(', '),
    )
  }
  check(
    'the scan finds the test hook in the build made for tests (out/web-e2e), so it can fail',
    testCodeIn(join(root, 'out', 'web-e2e')).some((found) => found.startsWith('the chart')),
  )

  const katexFonts = join(dirname(require.resolve('katex/package.json')), 'dist', 'fonts')
  const unusedFonts = readdirSync(katexFonts).filter((name) => /\.(?:ttf|woff)$/.test(name))
  const savedBytes = unusedFonts.reduce(
    (sum, name) => sum + statSync(join(katexFonts, name)).size,
    0,
  )
  for (const part of ['renderer', 'web']) {
    const fonts = filesUnder(join(root, 'out', part)).filter((file) =>
      /\.(?:ttf|woff2?)$/.test(file),
    )
    const others = fonts.filter((file) => !file.endsWith('.woff2'))
    check(
      `out/${part} ships KaTeX's fonts as woff2 only`,
      others.length === 0 && fonts.length > 0,
      others.length > 0 ? others.join(', ') : 'no woff2 fonts at all',
    )
  }

  const fuses = fuseProblems(electronFuses)
  check(
    'the installers are configured to burn every hardening fuse (applied to the real Electron only)',
    fuses.length === 0,
    fuses.join('; '),
  )
  check(
    'the stand-in executable was renamed to the app',
    existsSync(join(unpackedApp, pkg.build.linux.executableName)),
  )

  await debMetadataChecks({
    config: {
      ...buildConfig,
      electronDist: standIn,
      directories: { ...buildConfig.directories, output },
    },
    unpackedApp,
    check,
  })

  const failed = checks.filter((entry) => !entry.passed)
  for (const entry of checks)
    console.log(
      `${entry.passed ? 'ok  ' : 'FAIL'} ${entry.name}${entry.detail && !entry.passed ? `: ${entry.detail}` : ''}`,
    )

  console.log('\nsizes:')
  for (const part of ['main', 'preload', 'renderer', 'web'])
    console.log(`  out/${part}: ${kib(sizeOf(join(root, 'out', part)))}`)
  console.log(
    `  KaTeX fonts as woff2 only: ${kib(savedBytes)} of .ttf/.woff (${unusedFonts.length} files) not shipped in each of out/renderer and out/web`,
  )
  console.log(`  app.asar: ${kib(statSync(archive).size)} (${files.length} files)`)
  console.log(
    `  app.asar.unpacked: ${kib(sizeOf(join(unpackedApp, 'resources', 'app.asar.unpacked')))}`,
  )

  console.log(`\nlayout: ${checks.length - failed.length} passed, ${failed.length} failed`)
  process.exitCode = failed.length === 0 ? 0 : 1
} finally {
  rmSync(workDir, { recursive: true, force: true })
}
