import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../test-support/run-cli'
import { corners, countColor } from '../test-support/pixels'
import { readSession } from '../png/session'
import { parseArgs, UsageError } from './args'
import { choosePlotted, parsePlotArgs } from './plot'

const folder = mkdtempSync(join(tmpdir(), 'calculus-lab-plot-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const run = (args: string[]) => runCli(args, { timeout: 60_000 })

describe('calculus-lab plot', { timeout: 120_000 }, () => {
  it('writes the chart at twice its size, opaque white, with blue f and orange f′, and the session inside', () => {
    const out = join(folder, 'square.png')
    const result = run(
      ['plot', 'x^2', '--wrt', 'x', '--at', 'x=2', '--from', '-5', '--to', '5'].concat([
        '--out',
        out,
        '--scale',
        '2',
        '--background',
        'white',
      ]),
    )
    expect(result).toMatchObject({ code: 0, stderr: '' })
    expect(result.stdout).toBe(`Wrote ${out} (1600 × 960 pixels)\n`)
    const bytes = readFileSync(out)
    const png = PNG.sync.read(bytes)
    expect([png.width, png.height]).toEqual([1600, 960])
    for (const corner of corners(png)) expect(corner).toEqual([255, 255, 255, 255])
    // The lab's matplotlib colours: C0 blue for f, C1 orange for f′ (lines 5 and 4 device pixels wide).
    expect(countColor(png, [0x1f, 0x77, 0xb4])).toBeGreaterThan(2000)
    expect(countColor(png, [0xff, 0x7f, 0x0e])).toBeGreaterThan(2000)
    expect(readSession(new Uint8Array(bytes))).toEqual({
      ok: true,
      value: {
        expression: 'x^2',
        point: { x: 2 },
        wrt: 'x',
        domain: [-5, 5],
        yRange: null,
        samples: null,
        // The CLI draws f and f′ only.
        showSecond: false,
      },
    })
    expect(readdirSync(folder)).toEqual(['square.png'])
  })

  it('draws on a transparent or a dark background when asked, at the sample count asked', () => {
    const clear = join(folder, 'relu.png')
    expect(
      run([
        'plot',
        'relu(x)',
        '--at',
        'x=1.5',
        '--from',
        '-3',
        '--to',
        '3',
        '--samples',
        '100',
        '--background',
        'transparent',
        '--out',
        clear,
      ]).code,
    ).toBe(0)
    const transparent = PNG.sync.read(readFileSync(clear))
    expect([transparent.width, transparent.height]).toEqual([800, 480])
    for (const corner of corners(transparent)) expect(corner[3]).toBe(0)
    expect(readSession(new Uint8Array(readFileSync(clear)))).toMatchObject({
      ok: true,
      value: { samples: 100 },
    })
    const darkFile = join(folder, 'dark.png')
    expect(
      run([
        'plot',
        'u*v + u^2',
        '--wrt',
        'u',
        '--at',
        'u=1,v=2',
        '--background',
        'dark',
        '--out',
        darkFile,
        '--scale',
        '3',
      ]).code,
    ).toBe(0)
    const dark = PNG.sync.read(readFileSync(darkFile))
    expect([dark.width, dark.height]).toEqual([2400, 1440])
    for (const corner of corners(dark)) expect(corner).toEqual([0x13, 0x1b, 0x2e, 255])
  })

  it('refuses more work than a computation may do before starting it, saying how many samples fit', () => {
    const tower = Array.from({ length: 500 }, () => 'x').join('^')
    const out = join(folder, 'tower.png')
    const result = run(['plot', tower, '--at', 'x=1.1', '--samples', '10000', '--out', out])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'error[too-many-samples]: This function is too large to sample 10000 times: use at most 8016 samples, or a shorter function.\n',
    })
    expect(readdirSync(folder)).not.toContain('tower.png')
  })

  it('refuses bad arguments with a clear message and exit code 2, writing nothing', () => {
    const out = join(folder, 'never.png')
    const cases: [string[], string][] = [
      [
        ['plot', 'x^2', '--at', 'x=2', '--out', out, '--scale', '4'],
        "--scale: '4' is not one of 1, 2, 3.",
      ],
      [
        ['plot', 'x^2', '--at', 'x=2', '--out', out, '--from', '3', '--to', '1'],
        '--from (3) must be less than --to (1).',
      ],
      [
        ['plot', 'x^2', '--at', 'x=2', '--out', out, '--from', '-1e308', '--to', '1e308'],
        '--from -1e+308 --to 1e+308 is too wide: the width (to − from) overflows to Infinity.',
      ],
      [['plot', 'x^2', '--at', 'x=2'], 'plot needs --out, the PNG file to write.'],
      [
        ['plot', 'u*v', '--at', 'u=1', '--out', out],
        '--at needs a value for v (the point of the plot), e.g. --at u=1,v=1.',
      ],
      [
        ['plot', 'x^2', '--at', 'x=2', '--out', join(folder, 'missing', 'a.png')],
        `--out: the folder '${join(folder, 'missing')}' does not exist.`,
      ],
      [
        ['plot', 'x^2', '--at', 'x=2', '--out', out, '--background', 'pink'],
        "--background: 'pink' is not one of white, transparent, dark.",
      ],
    ]
    for (const [args, message] of cases) {
      const result = run(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr).toBe(`calculus-lab: ${message}\nRun 'calculus-lab --help' for usage.\n`)
    }
    const syntax = run(['plot', 'x^^2', '--at', 'x=2', '--out', out])
    expect(syntax.code).toBe(1)
    expect(syntax.stderr).toContain('  x^^2\n    ^\n')
    expect(readdirSync(folder).filter((name) => name.includes('never'))).toEqual([])
  })
})

describe('plot options', () => {
  const parse = (...argv: string[]) => parsePlotArgs(parseArgs(argv))

  it('have defaults for the range, scale, background and sampling', () => {
    expect(parse('x^2', '--at', 'x=2', '--out', 'a.png')).toEqual({
      expression: 'x^2',
      point: { x: 2 },
      wrt: null,
      domain: [-5, 5],
      out: 'a.png',
      scale: 1,
      background: 'white',
      samples: null,
    })
  })

  it('plot x when the function uses it, else its first letter, and need a value for each', () => {
    const options = parse('u*v + u^2', '--at', 'u=1,v=2', '--out', 'a.png')
    expect(choosePlotted(options, ['u', 'v'])).toBe('u')
    expect(choosePlotted({ ...options, point: { x: 0, u: 1, v: 2 } }, ['u', 'v', 'x'])).toBe('x')
    expect(() => choosePlotted({ ...options, wrt: 'x' }, ['u', 'v'])).toThrow(UsageError)
  })

  it('refuse a non-PNG name, a bad variable and a bad sample count', () => {
    expect(() => parse('x', '--at', 'x=1', '--out', 'a.jpg')).toThrow(
      "--out: 'a.jpg' must end in .png.",
    )
    expect(() => parse('x', '--wrt', 'xy', '--out', 'a.png')).toThrow('is not a variable')
    expect(() => parse('x', '--samples', '1', '--out', 'a.png')).toThrow('--samples')
    expect(() => parse('x', '--samples', '10001', '--out', 'a.png')).toThrow(
      "--samples: '10001' is not a whole number from 2 to 10000.",
    )
    expect(parse('x', '--samples', '10000', '--out', 'a.png').samples).toBe(10_000)
    expect(() => parse('x', '--from', '-1e308', '--to', '1e308', '--out', 'a.png')).toThrow(
      'is too wide: the width (to − from) overflows to Infinity.',
    )
    expect(() => parse('x', '--out', 'a.png', '--wat')).toThrow('Unknown option --wat.')
  })
})
