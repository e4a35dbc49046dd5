import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../test-support/run-cli'
import { buildGraph } from '../graph/build'
import { parseArgs, UsageError } from './args'
import { graphJson, parseGraphArgs } from './graph'

const parse = (...argv: string[]) => parseGraphArgs(parseArgs(argv))

describe('parseGraphArgs', () => {
  it('reads the point and picks the format from the flags or the file name', () => {
    expect(parse('u*v', '--at', 'u=1,v=2')).toEqual({
      request: { expression: 'u*v', point: { u: 1, v: 2 } },
      format: 'text',
      out: null,
      theme: 'light',
    })
    expect(parse('x', '--json').format).toBe('json')
    expect(parse('x', '--dot').format).toBe('dot')
    expect(parse('x', '--out', 'g.SVG').format).toBe('svg')
    expect(parse('x', '--out', 'g.png', '--background', 'dark')).toMatchObject({
      format: 'png',
      theme: 'dark',
    })
  })
  it('turns --samples into the sum trick over --wrt, which then needs no value in --at', () => {
    expect(
      parse('x*u', '--at', 'u=2', '--samples', '5', '--from', '-1', '--to', '1').request,
    ).toEqual({
      expression: 'x*u',
      point: { u: 2, x: -1 },
      slice: { wrt: 'x', domain: [-1, 1], samples: 5 },
    })
  })
  it.each([
    [['x', '--json', '--dot'], 'Give one of --json, --dot and --out.'],
    [['x', '--out', 'g.pdf'], "--out: 'g.pdf' must end in .svg or .png."],
    [['x', '--background', 'dark'], '--background is for --out graph.svg or graph.png.'],
    [['x', '--wrt', 'x'], '--wrt needs --samples (the sum trick).'],
    [['x', '--samples', '100000'], "--samples: '100000' is not a whole number from 2 to 1001."],
    [[], 'graph needs an expression: graph "x^2" --at x=2'],
  ])('refuses %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(new UsageError(message))
  })
})

describe('graphJson', () => {
  it('writes numbers that are not finite as strings, as every JSON the CLI writes', () => {
    const graph = buildGraph({ expression: 'log(x)', point: { x: 0 } })
    if (!graph.ok) throw new Error('no graph')
    const json = JSON.parse(graphJson(graph.value)) as { nodes: { value: unknown[] }[] }
    expect(json.nodes.map((node) => node.value)).toEqual([[0], ['-Infinity']])
  })
})

const run = (args: string[]) => runCli(args)

describe('calculus-lab graph', { timeout: 60_000 }, () => {
  it('prints the nodes and the backward pass with the chain rule at each step', () => {
    const result = run(['graph', 'u*v + u^2', '--at', 'u=1,v=2'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('  #3 PowBackward0 (u^2) ← #0: data 1, grad 1\n')
    expect(result.stdout).toContain('       → #0 u: 1 × 2 = 2; accumulated 2 + 2 = 4\n')
  })
  it('--json is the graph method’s answer; --dot is torchviz-style DOT', () => {
    const json = JSON.parse(run(['graph', 'x^2', '--at', 'x=3', '--json']).stdout) as {
      nodes: { name: string; gradient: number[] }[]
    }
    expect(json.nodes.map((node) => [node.name, node.gradient])).toEqual([
      ['AccumulateGrad', [6]],
      ['PowBackward0', [1]],
    ])
    const dot = run(['graph', 'x^2', '--at', 'x=3', '--dot']).stdout
    expect(dot).toContain('n0 [label="x\\n()\\ndata=3 grad=6" fillcolor=lightblue]')
    expect(dot).toContain('n0 -> n1')
  })
  it('--out draws an SVG or a PNG; a bad expression exits 1', () => {
    const folder = mkdtempSync(join(tmpdir(), 'graph-'))
    expect(run(['graph', 'x^2', '--at', 'x=3', '--out', join(folder, 'g.svg')]).code).toBe(0)
    expect(readFileSync(join(folder, 'g.svg'), 'utf8')).toContain('>PowBackward0</text>')
    const png = run(['graph', 'x^2', '--at', 'x=3', '--out', join(folder, 'g.png')])
    expect(png.stdout).toMatch(/^Wrote .*g\.png \(\d+ × \d+ pixels\)\n$/)
    expect([...readFileSync(join(folder, 'g.png')).subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47])
    expect(run(['graph', 'x^^2', '--at', 'x=1']).code).toBe(1)
  })
})
