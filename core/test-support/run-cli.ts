import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url))

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/** The real command as a process (tsx over core/cli.ts): its exit code and both streams. */
export function runCli(args: string[], options: { input?: string; timeout?: number } = {}): CliRun {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    input: options.input,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}
