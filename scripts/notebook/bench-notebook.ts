import { performance } from 'node:perf_hooks'
import { LAB_CELLS } from '../../core/notebook/lab-cells'
import { createSession, runCell } from '../../core/notebook'

/**
 * The notebook's part of `npm run bench`: the whole lab (its 14 cells in one fresh session, as Run all
 * does: parse, run, print, plot) and one 100-line cell (a scalar and a linspace vector through ops,
 * backward, .grad, prints and an f-string, in a loop-free block). Target: the lab in ≤ 50 ms.
 */
export const HUNDRED_LINE_CELL = Array.from({ length: 20 }, (_, i) =>
  [
    `x${i} = torch.linspace(-3, 3, 100, requires_grad=True)`,
    `y${i} = torch.sin(x${i}) * x${i} ** 2 + F.relu(x${i}) / (1 + x${i} ** 2)`,
    `y${i}.sum().backward()`,
    `print(x${i}.grad[${i}], y${i}.grad_fn)`,
    `print(f"{x${i}.grad.sum().item():.4f}")`,
  ].join('\n'),
)
  .join('\n')
  .replace(/^/, 'import torch\nimport torch.nn.functional as F\n')

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function timeRuns(runs: number, warmup: number, body: () => void): number {
  const samples: number[] = []
  for (let i = 0; i < warmup + runs; i++) {
    const start = performance.now()
    body()
    if (i >= warmup) samples.push(performance.now() - start)
  }
  return median(samples)
}

export function benchNotebook(runs: number, warmup: number): string {
  const lab = timeRuns(runs, warmup, () => {
    const session = createSession()
    for (const cell of LAB_CELLS) runCell(session, cell, { mode: 'cell' })
  })
  const cell = timeRuns(runs, warmup, () => {
    const result = runCell(createSession(), HUNDRED_LINE_CELL, { mode: 'cell' })
    if (result.status !== 'ok') throw new Error('the 100-line bench cell failed')
  })
  return [
    `Notebook (median of ${runs} runs after ${warmup} warm-up runs)`,
    `| run | ms | target |`,
    `|---|---|---|`,
    `| the whole lab: ${LAB_CELLS.length} cells, one session | ${lab.toFixed(2)} | ≤ 50 |`,
    `| one cell of ${HUNDRED_LINE_CELL.split('\n').length} lines | ${cell.toFixed(2)} | |`,
  ].join('\n')
}
