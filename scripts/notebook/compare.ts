import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createSession, runCell } from '../../core/notebook'
import type { CellOutput } from '../../core/protocol/notebook'

/** One cell's observable behaviour, the same fields the oracle (oracle.py) reports. */
export interface Observed {
  stdout: string
  error: string | null
  warnings: string[]
  echo: string | null
  figures: {
    series: { x: number[]; y: number[]; label: string | null; color: string }[]
    xlabel: string
    ylabel: string
    title: string
    legend: boolean
  }[]
}

export interface Job {
  cells: string[]
  echo?: boolean
}

export const PYTHON = '/usr/bin/python3'

/** Why the oracle cannot run here, or null when /usr/bin/python3 has torch and matplotlib. */
export function oracleMissing(): string | null {
  const probe = spawnSync(PYTHON, ['-c', 'import torch, matplotlib; print(torch.__version__)'], {
    encoding: 'utf8',
  })
  if (probe.error) return `${PYTHON} cannot be run (${probe.error.message})`
  if (probe.status !== 0)
    return `${PYTHON} lacks torch or matplotlib (apt-get install python3-torch python3-matplotlib)`
  return null
}

export function runOracle(jobs: Job[]): Observed[][] {
  const script = fileURLToPath(new URL('./oracle.py', import.meta.url))
  const run = spawnSync(PYTHON, [script], {
    input: JSON.stringify(jobs),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  })
  if (run.status !== 0) throw new Error(`oracle failed: ${run.stderr}`)
  return JSON.parse(run.stdout) as Observed[][]
}

function observe(outputs: CellOutput[]): Observed {
  const observed: Observed = { stdout: '', error: null, warnings: [], echo: null, figures: [] }
  for (const output of outputs) {
    if (output.type === 'stream' && output.name === 'stdout') observed.stdout += output.text
    else if (output.type === 'error')
      observed.error = output.traceback[output.traceback.length - 1]!
    else if (output.type === 'warning')
      observed.warnings.push(`${output.category}: ${output.message}`)
    else if (output.type === 'execute_result') observed.echo = output.text
    else if (output.type === 'figure')
      observed.figures.push({
        ...output.figure,
        series: output.figure.series.map(({ x, y, label, color }) => ({ x, y, label, color })),
      })
  }
  return observed
}

export function runOurs(jobs: Job[]): Observed[][] {
  return jobs.map((job) => {
    const session = createSession()
    return job.cells.map((cell) =>
      observe(runCell(session, cell, { mode: job.echo ? 'cell' : 'script' }).outputs),
    )
  })
}

/** Addresses differ between runs and processes: `0x7f…` is compared as `0x…`. */
export const normalize = (text: string | null): string | null =>
  text === null ? null : text.replace(/0x[0-9a-f]+/g, '0x…')
