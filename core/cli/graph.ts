/**
 * `calculus-lab graph`: the computation graph of a function at a point, as text, JSON (the `graph`
 * method's contract), Graphviz DOT, or drawn to SVG or PNG with the panel's layout. The options are
 * checked here, without Node, so the rules are tested directly.
 */
import { graphDot } from '../graph/dot'
import { graphText } from '../graph/explain'
import { isVariableName } from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import type { GraphRequest, GraphResult } from '../protocol/api'
import { assertKnownOptions, parseNumber, parsePoint, UsageError, type ParsedArgs } from './args'
import { encodeNumber } from './json'

export type GraphFormat = 'text' | 'json' | 'dot' | 'svg' | 'png'

export interface GraphOptions {
  request: GraphRequest
  format: GraphFormat
  /** The file for svg and png; null writes to standard output. */
  out: string | null
  theme: 'light' | 'dark'
}

function single(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name)
  return typeof value === 'string' ? value : undefined
}

function formatOf(args: ParsedArgs, out: string | null): GraphFormat {
  const flags = (['json', 'dot'] as const).filter((flag) => args.options.has(flag))
  if (flags.length > 1 || (flags.length === 1 && out !== null)) {
    throw new UsageError('Give one of --json, --dot and --out.')
  }
  if (out === null) return flags[0] ?? 'text'
  if (/\.svg$/i.test(out)) return 'svg'
  if (/\.png$/i.test(out)) return 'png'
  throw new UsageError(`--out: '${out}' must end in .svg or .png.`)
}

/** --samples with --wrt, --from, --to: the lab's sum trick over a linspace of the plotted variable. */
function sliceOf(args: ParsedArgs): GraphRequest['slice'] {
  const samplesText = single(args, 'samples')
  if (samplesText === undefined) {
    for (const name of ['wrt', 'from', 'to']) {
      if (args.options.has(name)) throw new UsageError(`--${name} needs --samples (the sum trick).`)
    }
    return undefined
  }
  const samples = parseNumber(samplesText, '--samples')
  if (
    !Number.isSafeInteger(samples) ||
    samples < LIMITS.minSamples ||
    samples > LIMITS.maxGraphSamples
  ) {
    throw new UsageError(
      `--samples: '${samplesText}' is not a whole number from ${LIMITS.minSamples} to ${LIMITS.maxGraphSamples}.`,
    )
  }
  const wrt = single(args, 'wrt') ?? 'x'
  if (!isVariableName(wrt))
    throw new UsageError(`--wrt: '${wrt}' is not a variable (one letter, not e).`)
  const from = parseNumber(single(args, 'from') ?? '-5', '--from')
  const to = parseNumber(single(args, 'to') ?? '5', '--to')
  if (!(from < to)) throw new UsageError(`--from (${from}) must be less than --to (${to}).`)
  return { wrt, domain: [from, to], samples }
}

export function parseGraphArgs(args: ParsedArgs): GraphOptions {
  assertKnownOptions(args, [
    'at',
    'json',
    'dot',
    'out',
    'background',
    'wrt',
    'from',
    'to',
    'samples',
    'timeout',
  ])
  const [expression, ...extra] = args.positionals
  if (expression === undefined)
    throw new UsageError('graph needs an expression: graph "x^2" --at x=2')
  if (extra.length > 0)
    throw new UsageError(`Unexpected argument '${extra[0]}'. Quote the expression.`)
  const at = single(args, 'at')
  const point = at === undefined ? {} : parsePoint(at)
  const slice = sliceOf(args)
  // The sliced variable is a linspace, not a point: it needs no value in --at.
  if (slice && !(slice.wrt in point)) point[slice.wrt] = slice.domain[0]
  const out = single(args, 'out') ?? null
  const format = formatOf(args, out)
  const background = single(args, 'background') ?? 'light'
  if (background !== 'light' && background !== 'dark') {
    throw new UsageError(`--background: '${background}' is not one of light, dark.`)
  }
  if (args.options.has('background') && format !== 'svg' && format !== 'png') {
    throw new UsageError('--background is for --out graph.svg or graph.png.')
  }
  const request: GraphRequest = { expression, point }
  if (slice) request.slice = slice
  return { request, format, out, theme: background }
}

/** Numbers of the graph that may not be finite, as the CLI writes them in JSON (json.ts). */
function encodeAll(values: readonly number[]): (number | string | null)[] {
  return values.map((value) => encodeNumber(value))
}

export function graphJson(graph: GraphResult): string {
  const encoded = {
    ...graph,
    nodes: graph.nodes.map((node) => ({
      ...node,
      value: encodeAll(node.value),
      gradient: encodeAll(node.gradient),
    })),
    steps: graph.steps.map((step) => ({
      node: step.node,
      upstream: encodeAll(step.upstream),
      flows: step.flows.map((flow) => ({
        input: flow.input,
        local: encodeAll(flow.local),
        share: encodeAll(flow.share),
        before: flow.before ? encodeAll(flow.before) : null,
        total: encodeAll(flow.total),
      })),
    })),
  }
  return JSON.stringify(encoded) + '\n'
}

/** The graph in a text format: what `graph` writes to standard output. */
export function graphAsText(graph: GraphResult, format: 'text' | 'json' | 'dot'): string {
  if (format === 'json') return graphJson(graph)
  if (format === 'dot') return graphDot(graph)
  return graphText(graph)
}
