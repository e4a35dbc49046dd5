/**
 * Every cell of the lab, copied as it is shown, runs on its own under the PyTorch this project takes as
 * its oracle (/usr/bin/python3, torch 1.13, matplotlib with the non-interactive Agg backend): each
 * starts from the imports it needs. Skipped, saying why, where that Python has no torch.
 */
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { differentiationInPytorch } from './differentiation-in-pytorch'

const PYTHON = '/usr/bin/python3'
const HAS_TORCH = spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 60_000 }).status === 0
if (!HAS_TORCH) console.warn(`skipping the lab cells: ${PYTHON} cannot import torch`)

/** Runs each cell in a fresh namespace of one process; reports each cell's error, or null. */
const RUNNER = `
import json, sys, io, contextlib
errors = []
for cell in json.load(sys.stdin):
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(cell, {})
        errors.append(None)
    except Exception as error:
        errors.append(type(error).__name__ + ": " + str(error))
print(json.dumps(errors))
`

describe.skipIf(!HAS_TORCH)('the lab’s cells, run by PyTorch', () => {
  it('each runs as shown, from its own imports', () => {
    const cells = differentiationInPytorch.steps.map((step) => step.torch)
    const run = spawnSync(PYTHON, ['-c', RUNNER], {
      input: JSON.stringify(cells),
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, MPLBACKEND: 'Agg' },
    })
    const errors = JSON.parse(run.stdout) as (string | null)[]
    differentiationInPytorch.steps.forEach((step, i) => {
      expect(errors[i], `${step.id}:\n${step.torch}`).toBeNull()
    })
  }, 120_000)
})
