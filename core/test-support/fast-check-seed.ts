import fc from 'fast-check'

/**
 * Property tests draw a fresh seed on every run, so CI keeps exploring new cases, and fast-check's
 * failure report names the seed and path of the counterexample ("seed: 619914555, path: …").
 * `FC_SEED=619914555 npx vitest run <file>` replays that run exactly; `FC_RUNS=2000` explores longer (where a test does not set its own numRuns).
 * Loaded for every test project by vitest.config.ts (setupFiles).
 */
function fromEnvironment(name: string): number | undefined {
  const text = process.env[name]
  if (text === undefined || text === '') return undefined
  const value = Number(text)
  if (!Number.isSafeInteger(value)) throw new Error(`${name} must be an integer, not '${text}'`)
  return value
}

const seed = fromEnvironment('FC_SEED')
const numRuns = fromEnvironment('FC_RUNS')
fc.configureGlobal({
  ...fc.readConfigureGlobal(),
  ...(seed === undefined ? {} : { seed }),
  ...(numRuns === undefined ? {} : { numRuns }),
})
