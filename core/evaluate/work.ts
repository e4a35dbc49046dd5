import { childrenOf, type Node } from '../expr/ast'
import type { EvaluateRequest } from '../protocol/api'
import { MESSAGES, requestDiagnostic, type Diagnostic } from '../protocol/diagnostics'
import { LIMITS } from '../protocol/limits'

/**
 * The work of sampling a slice, estimated from the program before any of it runs. Per sample, every op
 * whose value changes along the slice (it depends on the plotted variable) runs once forward and once
 * backward; ops on constants and on held variables run once per request, so they are free here.
 * Measured per op and sample: arithmetic and the unary functions cost about the same (a few to 30 ns); a
 * power whose exponent varies costs about five of them (a^b forward; b·a^(b−1) and a^b·log a backward),
 * which is what makes the tower x^x^…^x the most expensive 999 characters one can type.
 */
const VARYING_POWER_UNITS = 5

/** Work units per sample: ops that depend on `wrt`, a power with a varying exponent counting five. */
export function unitsPerSample(ast: Node, wrt: string): number {
  // Post-order without recursion: a 999-character power tower is 500 levels deep.
  const varies = new Map<Node, boolean>()
  const stack: { node: Node; expanded: boolean }[] = [{ node: ast, expanded: false }]
  let units = 0
  while (stack.length > 0) {
    const top = stack.pop()!
    const children = childrenOf(top.node)
    if (!top.expanded && children.length > 0) {
      stack.push({ node: top.node, expanded: true })
      for (const child of children) stack.push({ node: child, expanded: false })
      continue
    }
    const node = top.node
    const dependsOnWrt =
      node.kind === 'variable' ? node.name === wrt : children.some((child) => varies.get(child))
    varies.set(node, dependsOnWrt)
    if (dependsOnWrt && children.length > 0) {
      const varyingExponent = node.kind === 'binary' && node.op === 'pow' && varies.get(node.right)
      units += varyingExponent ? VARYING_POWER_UNITS : 1
    }
  }
  return units
}

/**
 * Refuses a slice past the work budget of LIMITS, saying how many samples would fit; null when the
 * request may run.
 */
export function sampleWorkProblem(
  ast: Node,
  request: Pick<EvaluateRequest, 'wrt' | 'samples' | 'secondDerivative'>,
): Diagnostic | null {
  const units = unitsPerSample(ast, request.wrt)
  if (units === 0) return null
  const { samples } = request
  const most = (budget: number) => Math.max(LIMITS.minSamples, Math.floor(budget / units))
  const mostWithout = most(LIMITS.sampleWork)
  if (request.secondDerivative && units * samples > LIMITS.secondDerivativeWork) {
    const message = MESSAGES.secondDerivativeTooLarge(
      samples,
      most(LIMITS.secondDerivativeWork),
      mostWithout,
    )
    return requestDiagnostic('second-derivative-too-large', message)
  }
  if (units * samples > LIMITS.sampleWork) {
    return requestDiagnostic('too-many-samples', MESSAGES.tooManySamples(samples, mostWithout))
  }
  return null
}
