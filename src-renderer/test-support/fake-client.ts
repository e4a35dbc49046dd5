import type {
  AnalyzeRequest,
  AnalyzeResult,
  CalculusApi,
  EvaluateRequest,
  EvaluateResult,
  GraphRequest,
} from '../../core/protocol/api'
import { buildGraph } from '../../core/graph/build'
import { requestDiagnostic, type Diagnostic } from '../../core/protocol/diagnostics'
import type { CellOutput, RunCellRequest } from '../../core/protocol/notebook'
import { fail, ok, type Result } from '../../core/protocol/result'

/**
 * A stand-in for the core in component and store tests: it evaluates a small table of known functions
 * exactly (so tests can assert real numbers) and records every request it receives.
 */
const KNOWN: Record<
  string,
  {
    variables: string[]
    f: (p: Record<string, number>) => number
    grad: (p: Record<string, number>) => Record<string, number>
  }
> = {
  'x^2': { variables: ['x'], f: (p) => (p.x ?? 0) ** 2, grad: (p) => ({ x: 2 * (p.x ?? 0) }) },
  'u*v + u^2': {
    variables: ['u', 'v'],
    f: (p) => (p.u ?? 0) * (p.v ?? 0) + (p.u ?? 0) ** 2,
    grad: (p) => ({ u: (p.v ?? 0) + 2 * (p.u ?? 0), v: p.u ?? 0 }),
  },
  'a*x': {
    variables: ['a', 'x'],
    f: (p) => (p.a ?? 0) * (p.x ?? 0),
    grad: (p) => ({ a: p.x ?? 0, x: p.a ?? 0 }),
  },
}

export function syntaxError(expression: string): Diagnostic {
  const at = expression.indexOf('^^')
  return {
    code: 'unexpected-token',
    message: "Expected a value but found '^'.",
    span: [at + 1, at + 2],
  }
}

export interface FakeClient extends CalculusApi {
  evaluations: EvaluateRequest[]
  analyses: AnalyzeRequest[]
  /** Graphs are the real core's (they are read from its engine): the fake only records the requests. */
  graphs: GraphRequest[]
  /** When set, evaluate waits for this promise before answering (to hold a request in flight). */
  gate: Promise<void> | null
  /** Every cell sent to runCell, in order. */
  cells: RunCellRequest[]
  /**
   * What runCell answers for a source (tests set it); an unknown source answers no outputs. The execution
   * count is the fake's own, per session, reset by restartNotebook, as the worker's.
   */
  cellOutputs: Map<string, CellOutput[]>
}

export function evaluateKnown(request: EvaluateRequest): Result<EvaluateResult> {
  const known = KNOWN[request.expression]
  if (!known) return fail(syntaxError(request.expression))
  const { domain, samples, wrt, point } = request
  const t = new Float64Array(samples)
  const f = new Float64Array(samples)
  const df = new Float64Array(samples)
  for (let i = 0; i < samples; i++) {
    const at = domain[0] + ((domain[1] - domain[0]) * i) / (samples - 1)
    const p = { ...point, [wrt]: at }
    t[i] = at
    f[i] = known.f(p)
    df[i] = known.grad(p)[wrt] ?? 0
  }
  const value = known.f(point)
  const gradient = known.grad(point)
  const slope = gradient[wrt] ?? 0
  return ok({
    variables: known.variables,
    value,
    gradient,
    tangent: { slope, intercept: value - slope * (point[wrt] ?? 0) },
    series: { t, f, df },
    latex: { f: request.expression, df: 'd' },
    torch: `# torch code for ${request.expression}`,
    notes: [],
    marks: [],
    interest: [],
  })
}

export function createFakeClient(): FakeClient {
  const counts = new Map<string, number>()
  const client: FakeClient = {
    evaluations: [],
    analyses: [],
    graphs: [],
    gate: null,
    cells: [],
    cellOutputs: new Map(),
    async runCell(request) {
      client.cells.push(request)
      const count = (counts.get(request.session) ?? 0) + 1
      counts.set(request.session, count)
      const outputs = client.cellOutputs.get(request.source) ?? []
      const status = outputs.some((output) => output.type === 'error') ? 'error' : 'ok'
      return ok({ executionCount: count, status, outputs })
    },
    async restartNotebook(request) {
      counts.delete(request.session)
      return ok({ session: request.session })
    },
    // The fake keeps no namespace: every name is undefined, as in a session that ran nothing.
    async notebookGraph(request) {
      return fail(requestDiagnostic('no-graph', `NameError: name '${request.name}' is not defined`))
    },
    async evaluate(request) {
      client.evaluations.push(request)
      if (client.gate) await client.gate
      return evaluateKnown(request)
    },
    async analyze(request): Promise<Result<AnalyzeResult>> {
      client.analyses.push(request)
      const known = KNOWN[request.expression]
      if (!known) return fail(syntaxError(request.expression))
      return ok({
        variables: known.variables,
        latex: request.expression,
        canonical: request.expression,
      })
    },
    async graph(request) {
      client.graphs.push(request)
      return buildGraph(request)
    },
  }
  return client
}
