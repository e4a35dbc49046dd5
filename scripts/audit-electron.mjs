#!/usr/bin/env node
// `npm run audit:electron`: electronegativity over the main-process sources (src-main/, without tests) and
// over the built app (out/). The tool always exits 0, so its SARIF report is read here, and the command
// fails on any finding that scripts/electronegativity-allowlist.json does not list, with a reason, for
// that check in that file. Stale allow-list entries are reported so the list does not rot.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const cli = join(
  dirname(require.resolve('@doyensec/electronegativity/package.json')),
  'dist',
  'index.js',
)
const electronVersion = require('electron/package.json').version
const allowListPath = join(root, 'scripts', 'electronegativity-allowlist.json')

/**
 * Left out on purpose: AvailableSecurityFixesGlobalCheck downloads Electron's release list and fails
 * whenever a newer patch exists, so the same commit would pass today and fail tomorrow (and it cannot
 * run offline at all). Keeping Electron current is the job of dependency updates, not of this audit.
 */
const UNSCANNED_CHECKS = 'AvailableSecurityFixesGlobalCheck'

/** @typedef {{ check: string, file: string, reason: string }} AllowEntry */
/** @typedef {{ check: string, file: string, line: number, level: string, message: string }} Finding */

function readAllowList() {
  const list = JSON.parse(readFileSync(allowListPath, 'utf8'))
  const problems = []
  if (!Array.isArray(list.entries)) problems.push('"entries" must be an array')
  for (const [index, entry] of (list.entries ?? []).entries()) {
    for (const field of ['check', 'file', 'reason'])
      if (typeof entry[field] !== 'string' || entry[field].trim() === '')
        problems.push(`entry ${index} has no ${field}`)
    if (typeof entry.reason === 'string' && entry.reason.trim().length < 20)
      problems.push(`entry ${index} (${entry.check} in ${entry.file}) gives no real reason`)
  }
  return { entries: /** @type {AllowEntry[]} */ (list.entries ?? []), problems }
}

/** Runs the tool on one input folder; findings carry paths relative to the repository. */
function scan(label, input, pathPrefix) {
  const report = join(mkdtempSync(join(tmpdir(), 'electronegativity-')), 'report.sarif')
  const run = spawnSync(
    process.execPath,
    [
      cli,
      '-i',
      input,
      '-o',
      report,
      '-r',
      '-v',
      'false',
      '-e',
      electronVersion,
      '-x',
      UNSCANNED_CHECKS,
    ],
    { encoding: 'utf8', timeout: 300_000 },
  )
  if (!existsSync(report)) {
    throw new Error(`electronegativity wrote no report for ${label}:\n${run.stdout}\n${run.stderr}`)
  }
  const sarif = JSON.parse(readFileSync(report, 'utf8'))
  rmSync(dirname(report), { recursive: true, force: true })
  return sarif.runs.flatMap((sarifRun) =>
    sarifRun.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation
      return {
        check: result.ruleId,
        file: `${pathPrefix}/${location?.artifactLocation?.uri ?? '?'}`.replaceAll('\\', '/'),
        line: location?.region?.startLine ?? 0,
        level: result.level ?? 'warning',
        message: result.message?.text ?? '',
      }
    }),
  )
}

/** out/ as electron-builder packs it (out/web is the browser build, not part of the desktop app). */
function stageBuild() {
  const staged = mkdtempSync(join(tmpdir(), 'audit-out-'))
  for (const part of ['main', 'preload', 'renderer'])
    cpSync(join(root, 'out', part), join(staged, part), { recursive: true })
  return staged
}

/** src-main/ as it ships: the tests and their fake electron are not part of the app. */
function stageSources() {
  const staged = mkdtempSync(join(tmpdir(), 'audit-src-main-'))
  cpSync(join(root, 'src-main'), staged, {
    recursive: true,
    filter: (path) => {
      const rel = relative(join(root, 'src-main'), path).replaceAll('\\', '/')
      return !rel.endsWith('.test.ts') && !rel.startsWith('test-support') && !rel.endsWith('.d.ts')
    },
  })
  return staged
}

const out = join(root, 'out')
if (!existsSync(join(out, 'main', 'index.js'))) {
  console.error(
    'audit:electron: out/ is not built; run `npm run build` first (npm run audit:electron does).',
  )
  process.exit(1)
}

const { entries, problems } = readAllowList()
if (problems.length > 0) {
  console.error(
    `audit:electron: ${relative(root, allowListPath)} is invalid:\n  ${problems.join('\n  ')}`,
  )
  process.exit(1)
}

const stagedSources = stageSources()
const stagedBuild = stageBuild()
let findings
try {
  findings = [...scan('src-main', stagedSources, 'src-main'), ...scan('out', stagedBuild, 'out')]
} finally {
  rmSync(stagedSources, { recursive: true, force: true })
  rmSync(stagedBuild, { recursive: true, force: true })
}

const used = new Set()
const refused = []
for (const finding of findings) {
  const index = entries.findIndex(
    (entry) => entry.check === finding.check && entry.file === finding.file,
  )
  if (index === -1) refused.push(finding)
  else used.add(index)
  const verdict = index === -1 ? 'NOT ALLOWED' : `allowed: ${entries[index].reason}`
  console.log(
    `${finding.check} ${finding.file}:${finding.line} [${finding.level}] ${finding.message}\n    → ${verdict}`,
  )
}
entries.forEach((entry, index) => {
  if (!used.has(index))
    console.log(`note: allow-list entry ${entry.check} in ${entry.file} matched nothing`)
})

console.log(
  `\naudit:electron: ${findings.length} findings, ${findings.length - refused.length} allowed with a reason, ${refused.length} not allowed`,
)
process.exit(refused.length === 0 ? 0 : 1)
