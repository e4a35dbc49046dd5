import { Worker } from 'node:worker_threads'
import { ENTRIES, entryNamed, PENDING } from './entries'
import { FAILURE_CLASSES, HANG_MS, inputAt, type FailureClass } from './harness'
import { emptyTally, record, runEntry, type Tally } from './run-entry'

/**
 * The fuzz suite's command line.
 *   npm run fuzz                         every entry, 100,000 inputs each, a fresh seed (printed)
 *   npm run fuzz:ci                      every entry, 10,000 inputs each, a fresh seed (printed)
 *   npm run fuzz -- --seed N --entry X   replay entry X under seed N (--runs, --index i for one input)
 * Options: --runs n, --jobs n (entries run side by side, one worker thread each), --markdown (the table
 * for the README). Exit code 1 when any failure outside known-holes.ts was found.
 */

interface Options {
  seed: number
  runs: number
  entries: string[]
  index: number | null
  jobs: number
  markdown: boolean
}

/** Entries by their cost per input on this machine (evaluation ≈ 2 ms, the rest far less). */
const HEAVIEST_FIRST = ['evaluation', 'ipc', 'expression', 'png', 'saved-state', 'worker-message']

/** An input that has not returned after this long is cut: the worker is replaced and the run goes on. */
const STUCK_MS = 15_000

function parseOptions(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`)
    return at === -1 ? undefined : argv[at + 1]
  }
  const ci = argv.includes('--ci')
  const seedText = value('seed')
  const seed = seedText === undefined ? (Date.now() ^ (process.pid << 16)) | 0 : Number(seedText)
  const runs = Number(value('runs') ?? (ci ? 10_000 : 100_000))
  const entries = value('entry')?.split(',') ?? ENTRIES.map((entry) => entry.name)
  const indexText = value('index')
  for (const name of entries) {
    if (!entryNamed(name))
      throw new Error(`unknown entry '${name}'; entries: ${ENTRIES.map((e) => e.name).join(', ')}`)
  }
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(runs) || runs < 1)
    throw new Error('--seed and --runs take whole numbers')
  return {
    seed,
    runs,
    entries,
    index: indexText === undefined ? null : Number(indexText),
    jobs: Math.max(1, Number(value('jobs') ?? 2)),
    markdown: argv.includes('--markdown'),
  }
}

/** Runs [from, to) of an entry in a worker; an input stuck past STUCK_MS is counted as a hang and skipped. */
async function runInWorker(name: string, seed: number, runs: number): Promise<Tally> {
  const entry = entryNamed(name)!
  const total = emptyTally(name)
  let from = 0
  while (from < runs) {
    const progress = new SharedArrayBuffer(4)
    const current = new Int32Array(progress)
    Atomics.store(current, 0, from)
    const worker = new Worker(new URL('./worker-bootstrap.mjs', import.meta.url), {
      workerData: { entry: name, seed, from, to: runs, progress },
    })
    const outcome = await new Promise<{ tally: Tally } | { stuckAt: number } | { error: string }>(
      (resolve) => {
        let last = -1
        let since = Date.now()
        const watch = setInterval(() => {
          const at = Atomics.load(current, 0)
          if (at !== last) {
            last = at
            since = Date.now()
          } else if (Date.now() - since > STUCK_MS) {
            clearInterval(watch)
            void worker.terminate()
            resolve({ stuckAt: at })
          }
        }, 250)
        worker.once('message', (tally: Tally) => {
          clearInterval(watch)
          resolve({ tally })
        })
        worker.once('error', (error) => {
          clearInterval(watch)
          resolve({ error: `${error.name}: ${error.message}` })
        })
      },
    )
    if ('tally' in outcome) {
      merge(total, outcome.tally)
      break
    }
    // A worker that dies before its first input is a broken suite, not a finding: stop, loudly.
    if ('error' in outcome && Atomics.load(current, 0) === from && total.inputs === 0)
      throw new Error(`the ${name} worker failed to start: ${outcome.error}`)
    const at = 'stuckAt' in outcome ? outcome.stuckAt : Atomics.load(current, 0)
    const found =
      'stuckAt' in outcome
        ? { class: 'hang' as const, tag: 'stuck', detail: `no answer after ${STUCK_MS / 1000} s` }
        : { class: 'crash' as const, tag: 'worker-died', detail: outcome.error }
    // What ran before the stuck input is lost with the worker; those inputs are run again from `from`.
    const before = await runEntry(entry, seed, from, at)
    merge(total, before)
    total.inputs++
    record(total, entry, at, inputAt(entry, seed, at), [found])
    from = at + 1
  }
  return total
}

function merge(into: Tally, from: Tally): void {
  into.inputs += from.inputs
  for (const cls of FAILURE_CLASSES) into.failures[cls] += from.failures[cls]
  for (const [hole, count] of Object.entries(from.known))
    into.known[hole] = (into.known[hole] ?? 0) + count
  into.examples.push(...from.examples)
  into.slowestMs = Math.max(into.slowestMs, from.slowestMs)
  into.elapsedMs += from.elapsedMs
}

async function runAll(options: Options): Promise<Tally[]> {
  // The costliest entries start first, so the lanes finish together.
  const cost = (name: string) => {
    const at = HEAVIEST_FIRST.indexOf(name)
    return at === -1 ? HEAVIEST_FIRST.length : at
  }
  const queue = [...options.entries].sort((a, b) => cost(a) - cost(b))
  const tallies = new Map<string, Tally>()
  const lane = async () => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const tally = await runInWorker(name, options.seed, options.runs)
      tallies.set(name, tally)
      console.log(`  ${name}: ${tally.inputs} inputs in ${(tally.elapsedMs / 1000).toFixed(1)} s`)
    }
  }
  await Promise.all(Array.from({ length: Math.min(options.jobs, queue.length) }, lane))
  return options.entries.map((name) => tallies.get(name)!)
}

const COLUMNS: [FailureClass, string][] = [
  ['crash', 'crashes'],
  ['hang', `hangs (> ${HANG_MS / 1000} s)`],
  ['notResult', 'not a Result'],
  ['spanOutside', 'spans outside'],
  ['badAccepted', 'bad accepted'],
  ['dataLost', 'data lost'],
]

function table(tallies: Tally[], markdown: boolean): string {
  const head = [
    'entry',
    'inputs',
    ...COLUMNS.map(([, title]) => title),
    'known (allow-listed)',
    'slowest input',
  ]
  const rows = tallies.map((tally) => [
    tally.entry,
    tally.inputs.toLocaleString('en-US'),
    ...COLUMNS.map(([cls]) => String(tally.failures[cls])),
    Object.entries(tally.known)
      .map(([hole, count]) => `${count} ${hole}`)
      .join('; ') || '0',
    `${Math.round(tally.slowestMs)} ms`,
  ])
  const pending = PENDING.map((entry) => [
    entry.name,
    '—',
    ...COLUMNS.map(() => '—'),
    '—',
    'not yet in the app',
  ])
  const all = [head, ...rows, ...pending]
  if (markdown) {
    const line = (cells: string[]) => `| ${cells.join(' | ')} |`
    return [line(head), line(head.map(() => '---')), ...[...rows, ...pending].map(line)].join('\n')
  }
  const widths = head.map((_, i) => Math.max(...all.map((row) => row[i]!.length)))
  return all.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')).join('\n')
}

async function replayOne(options: Options): Promise<number> {
  const name = options.entries[0]!
  const entry = entryNamed(name)!
  const index = options.index!
  console.log(
    `entry ${name}, seed ${options.seed}, input ${index}:\n  ${entry.describe(inputAt(entry, options.seed, index))}`,
  )
  const tally = await runEntry(entry, options.seed, index, index + 1)
  for (const example of tally.examples)
    console.log(`  ${example.class} (${example.tag}): ${example.detail}`)
  console.log(
    Object.keys(tally.known).length ? `  known: ${Object.keys(tally.known).join(', ')}` : '',
  )
  return tally.examples.length > 0 ? 1 : 0
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2))
  console.log(
    `fuzz seed ${options.seed} (replay: npm run fuzz -- --seed ${options.seed} --entry <name> [--index i])`,
  )
  if (options.index !== null) return replayOne(options)
  console.log(
    `${options.runs.toLocaleString('en-US')} inputs per entry: ${options.entries.join(', ')}`,
  )
  const started = Date.now()
  const tallies = await runAll(options)
  console.log(`\n${table(tallies, options.markdown)}\n`)
  console.log(`${((Date.now() - started) / 1000).toFixed(0)} s in all, seed ${options.seed}`)
  const failed = tallies.filter((tally) => FAILURE_CLASSES.some((cls) => tally.failures[cls] > 0))
  for (const tally of failed) {
    console.log(`\n${tally.entry}:`)
    for (const example of tally.examples)
      console.log(
        `  #${example.index} ${example.class} (${example.tag}): ${example.detail}\n    ${example.input}`,
      )
    console.log(
      `  replay: npm run fuzz -- --seed ${options.seed} --entry ${tally.entry} --index ${tally.examples[0]?.index ?? 0}`,
    )
  }
  return failed.length > 0 ? 1 : 0
}

process.exitCode = await main()
