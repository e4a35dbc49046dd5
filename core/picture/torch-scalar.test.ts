import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { torchElementTexts, torchScalarPrint } from './torch-scalar'

/** str(torch.tensor(v)) from PyTorch 1.13 with torch.set_default_dtype(torch.float64). */
const PYTORCH_PRINTS: readonly [number, string][] = [
  [0.665, 'tensor(0.6650)'],
  [0.66499999, 'tensor(0.6650)'],
  [2 / 3, 'tensor(0.6667)'],
  [-2 / 3, 'tensor(-0.6667)'],
  [4, 'tensor(4.)'],
  [-4, 'tensor(-4.)'],
  [0, 'tensor(0.)'],
  [-0, 'tensor(-0.)'],
  [NaN, 'tensor(nan)'],
  [Infinity, 'tensor(inf)'],
  [-Infinity, 'tensor(-inf)'],
  [1.03125, 'tensor(1.0312)'],
  [1.09375, 'tensor(1.0938)'],
  [-1.03125, 'tensor(-1.0312)'],
  [1e-5, 'tensor(1.0000e-05)'],
  [1.23456e-5, 'tensor(1.2346e-05)'],
  [-0.00012345, 'tensor(-0.0001)'],
  [1e8, 'tensor(100000000.)'],
  [1e8 + 1, 'tensor(1.0000e+08)'],
  [123456789, 'tensor(1.2346e+08)'],
  [1e9, 'tensor(1.0000e+09)'],
  [123456789.5, 'tensor(1.2346e+08)'],
  [-15.555555555555555, 'tensor(-15.5556)'],
  [0.0001, 'tensor(0.0001)'],
  [9.999e-5, 'tensor(9.9990e-05)'],
  [5e-324, 'tensor(4.9407e-324)'],
  [1.7976931348623157e308, 'tensor(1.7977e+308)'],
  [99999.99995, 'tensor(99999.9999)'],
  [9.99995e-5, 'tensor(9.9999e-05)'],
  [0.5, 'tensor(0.5000)'],
  [2.5, 'tensor(2.5000)'],
  [1e-310, 'tensor(1.0000e-310)'],
  [12345.6789, 'tensor(12345.6789)'],
  [0.8414709848078965, 'tensor(0.8415)'],
]

describe('torchScalarPrint', () => {
  it.each(PYTORCH_PRINTS)('prints %d as PyTorch does: %s', (value, printed) => {
    expect(torchScalarPrint(value)).toBe(printed)
  })
})

describe('torchElementTexts', () => {
  it('writes a vector in one mode, as print(x.grad) of the sum trick', () => {
    const grad = Array.from({ length: 10 }, (_, i) => 2 * (-10 + (20 * i) / 9))
    expect(torchElementTexts(grad).slice(0, 2)).toEqual(['-20.0000', '-15.5556'])
  })

  it.each([
    [
      [0, 1, 2],
      ['0.', '1.', '2.'],
    ],
    [
      [0, 1.5],
      ['0.0000', '1.5000'],
    ],
    [
      [0, 1e-5],
      ['0.0000e+00', '1.0000e-05'],
    ],
    [
      [1, 1e5],
      ['1.0000e+00', '1.0000e+05'],
    ],
    [
      [NaN, 2],
      ['nan', '2.'],
    ],
  ])('writes %j as PyTorch does', (values, texts) => {
    expect(torchElementTexts(values)).toEqual(texts)
  })
})

const PYTHON = '/usr/bin/python3'
const HAS_TORCH = spawnSync(PYTHON, ['-c', 'import torch'], { timeout: 60_000 }).status === 0
if (!HAS_TORCH) console.warn(`skipping the live print comparison: ${PYTHON} cannot import torch`)

describe.skipIf(!HAS_TORCH)('torchScalarPrint against a live PyTorch', () => {
  it('agrees on 2000 random doubles of every magnitude', () => {
    const values = fc
      .sample(
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.double({ min: -1e4, max: 1e4, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 32),
        ),
        { numRuns: 2000, seed: 13 },
        // JSON has no −0 (the fixed rows hold it).
      )
      .filter((v) => !Object.is(v, -0))
    const script =
      'import torch, json, sys\ntorch.set_default_dtype(torch.float64)\n' +
      'print(json.dumps([str(torch.tensor(float(v))) for v in json.load(sys.stdin)]))'
    const run = spawnSync(PYTHON, ['-c', script], {
      input: JSON.stringify(values.map((v) => (Number.isFinite(v) ? v : String(v)))),
      encoding: 'utf8',
      timeout: 120_000,
    })
    const printed = JSON.parse(run.stdout) as string[]
    values.forEach((value, i) => expect(torchScalarPrint(value), String(value)).toBe(printed[i]))
  }, 180_000)
})
