import { parse, variablesOf } from '../../core/expr'
import type { PlotSession } from '../../core/png/session'
import { isVariableName } from '../../core/protocol/guards'

/**
 * "Open in explorer": the function a lab-style cell differentiates, as the explorer's plot. Well defined
 * when the cell creates one-letter tensors with `torch.tensor(number, …)` or `torch.linspace(a, b, n, …)`
 * and assigns a function of them built from the explorer's operations (`y = x ** 2 + 2 * x + 1`,
 * `Y = F.relu(x)`); a reduction (`torch.sum(…)`, `.sum()`, `.mean()`) is the sum trick, not the function,
 * so the last assignment that is not one is taken. Anything else has no plot: null, and the button says so.
 */
const TENSOR = /^([A-Za-z])\s*=\s*torch\.tensor\(\s*(-?\d+(?:\.\d*)?(?:e-?\d+)?)\s*[,)]/
const LINSPACE =
  /^([A-Za-z])\s*=\s*torch\.linspace\(\s*(-?\d+(?:\.\d*)?)\s*,\s*(-?\d+(?:\.\d*)?)\s*,\s*(\d+)\s*[,)]/
const ASSIGNMENT = /^([A-Za-z_]\w*)\s*=\s*(.+)$/
const REDUCTION = /^torch\.(sum|mean)\(|\.(sum|mean)\(\)$/

/** Python's spelling of a function as the explorer's: `**` is `^`, `torch.sin` and `F.relu` are calls. */
export function explorerExpression(python: string): string | null {
  const text = python
    .replace(/#.*$/, '')
    .replace(/\s*\*\*\s*/g, '^')
    .replace(/\b(?:torch\.nn\.functional|torch|F)\.(\w+)\(/g, '$1(')
    .trim()
  if (text === '' || /[A-Za-z_]\w*\.\w/.test(text) || /[[\]=]/.test(text)) return null
  return parse(text).ast !== null ? text : null
}

export function explorerPlotOf(source: string): PlotSession | null {
  const point: Record<string, number> = {}
  let sampled: { wrt: string; domain: [number, number]; samples: number } | null = null
  let expression: string | null = null
  for (const raw of source.split('\n')) {
    const line = raw.trim()
    const tensor = TENSOR.exec(line)
    const linspace = LINSPACE.exec(line)
    if (tensor && isVariableName(tensor[1] ?? '')) {
      point[tensor[1] as string] = Number(tensor[2])
      continue
    }
    if (linspace && isVariableName(linspace[1] ?? '')) {
      const [a, b, n] = [Number(linspace[2]), Number(linspace[3]), Number(linspace[4])]
      if (a < b && n >= 2) {
        sampled = { wrt: linspace[1] as string, domain: [a, b], samples: n }
        point[linspace[1] as string] = (a + b) / 2
      }
      continue
    }
    const assignment = ASSIGNMENT.exec(line)
    if (!assignment || REDUCTION.test(assignment[2] ?? '')) continue
    const candidate = explorerExpression(assignment[2] ?? '')
    if (candidate !== null) expression = candidate
  }
  if (expression === null) return null
  const ast = parse(expression).ast
  if (ast === null) return null
  // Every variable of the function needs a value from the cell: `f = u * v` alone is not defined.
  const used = variablesOf(ast)
  if (used.length === 0 || used.some((name) => point[name] === undefined)) return null
  const wrt = sampled?.wrt ?? (used[0] as string)
  const at = point[wrt] ?? 0
  return {
    expression,
    point,
    wrt,
    domain: sampled?.domain ?? [at - 4, at + 4],
    yRange: null,
    samples: sampled?.samples ?? null,
    showSecond: false,
  }
}
