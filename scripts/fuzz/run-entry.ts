import { KNOWN_HOLES, knownHoleOf, type KnownHole } from './known-holes'
import {
  CHUNK,
  FAILURE_CLASSES,
  HANG_MS,
  inputsOfChunk,
  type Entry,
  type FailureClass,
  type Finding,
} from './harness'

/** What one entry's run found: counts per failure class, the allow-listed ones apart, and examples. */
export interface Tally {
  entry: string
  inputs: number
  failures: Record<FailureClass, number>
  /** Findings excused by known-holes.ts, by hole. */
  known: Record<string, number>
  /** The first few failures of each class, to replay: the index and what was found. */
  examples: { index: number; class: FailureClass; tag: string; detail: string; input: string }[]
  slowestMs: number
  elapsedMs: number
}

export const emptyTally = (entry: string): Tally => ({
  entry,
  inputs: 0,
  failures: Object.fromEntries(FAILURE_CLASSES.map((cls) => [cls, 0])) as Record<
    FailureClass,
    number
  >,
  known: {},
  examples: [],
  slowestMs: 0,
  elapsedMs: 0,
})

const EXAMPLES_PER_CLASS = 3

export function record<Input, Ready>(
  tally: Tally,
  entry: Entry<Input, Ready>,
  index: number,
  input: Input,
  found: Finding[],
  holes: readonly KnownHole[] = KNOWN_HOLES,
): void {
  for (const item of found) {
    const hole = knownHoleOf(entry.name, item.class, item.tag, holes)
    if (hole) {
      tally.known[hole.hole] = (tally.known[hole.hole] ?? 0) + 1
      continue
    }
    tally.failures[item.class]++
    if (
      tally.examples.filter((example) => example.class === item.class).length < EXAMPLES_PER_CLASS
    ) {
      let shown: string
      try {
        shown = entry.describe(input)
      } catch {
        shown = '(cannot be shown)'
      }
      tally.examples.push({
        index,
        class: item.class,
        tag: item.tag,
        detail: item.detail,
        input: shown,
      })
    }
  }
}

/** Prepares and checks one input; only the check is timed. */
async function runOne<Input, Ready>(
  entry: Entry<Input, Ready>,
  input: Input,
): Promise<{ found: Finding[]; ms: number }> {
  try {
    // Without prepare, Ready is Input (the Entry type's default).
    const ready = (entry.prepare ? entry.prepare(input) : input) as Ready
    const start = performance.now()
    let found: Finding[]
    try {
      found = await entry.check(ready)
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error)
      found = [{ class: 'crash', tag: 'threw', detail: message.slice(0, 300) }]
    }
    return { found, ms: performance.now() - start }
  } catch (error) {
    // The generator or the preparation failed: a bug of the suite, never excused.
    const message = error instanceof Error ? error.message : String(error)
    return {
      found: [
        {
          class: 'crash',
          tag: 'suite-error',
          detail: `the suite itself failed: ${message.slice(0, 300)}`,
        },
      ],
      ms: 0,
    }
  }
}

/**
 * Runs inputs [from, to) of an entry under a seed. `progress(index)` is called before each input, so a
 * watchdog outside can tell which input never returned.
 */
export async function runEntry<Input, Ready>(
  entry: Entry<Input, Ready>,
  seed: number,
  from: number,
  to: number,
  progress: (index: number) => void = () => {},
  tally: Tally = emptyTally(entry.name),
): Promise<Tally> {
  const started = performance.now()
  let index = from
  while (index < to) {
    const chunk = Math.floor(index / CHUNK)
    const inputs = inputsOfChunk(entry, seed, chunk)
    for (let i = index - chunk * CHUNK; i < CHUNK && index < to; i++, index++) {
      const input = inputs[i] as Input
      progress(index)
      let { found, ms } = await runOne(entry, input)
      // A machine shared with other work can stall any input for a moment: a hang is an input that is
      // slow twice running, not once.
      if (ms > HANG_MS) {
        const again = await runOne(entry, input)
        if (again.ms > HANG_MS)
          found = [
            ...found,
            {
              class: 'hang',
              tag: entry.hangTag?.(input) ?? 'slow',
              detail: `${Math.round(ms)} ms, then ${Math.round(again.ms)} ms`,
            },
          ]
        ms = Math.min(ms, again.ms)
      }
      tally.slowestMs = Math.max(tally.slowestMs, ms)
      tally.inputs++
      record(tally, entry, index, input, found)
    }
  }
  tally.elapsedMs += performance.now() - started
  return tally
}
