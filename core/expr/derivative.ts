import { RULES } from '../autograd'
import { opOf } from '../ops/node-op'
import type { Node } from './ast'
import { displayAlgebra } from './display-algebra'
import { simplify } from './simplify'

/**
 * The symbolic derivative ∂node/∂variable, simplified for display (`2*x + 2` for `x^2 + 2x + 1`).
 * For the non-smooth functions it uses the display-only `step` and `sign` with PyTorch's conventions at
 * the kinks: relu′(t) = step(t) (0 at t = 0), abs′(t) = sign(t) (0 at 0). For min, max and clamp the
 * formula picks the active argument; at an exact tie PyTorch splits the gradient (0.5 each for
 * max/min) and clamp passes it at its bounds, which the formula does not show. The app's numbers always
 * come from autograd.
 */
export function derivative(node: Node, variable: string): Node {
  return simplify(differentiate(node, variable))
}

/** True when the expression involves the variable at all. */
export function dependsOn(node: Node, variable: string): boolean {
  switch (node.kind) {
    case 'variable':
      return node.name === variable
    case 'number':
    case 'constant':
      return false
    case 'neg':
      return dependsOn(node.operand, variable)
    case 'binary':
      return dependsOn(node.left, variable) || dependsOn(node.right, variable)
    case 'call':
      return node.args.some((arg) => dependsOn(arg, variable))
  }
}

/**
 * The rules, unsimplified, read from the rule table: each op's textbook form where it has one,
 * otherwise its one formula with the chain rule, Σₖ aₖ′·(∂out/∂aₖ), the partial being the formula at an
 * incoming gradient of 1 (`2*x*cos(x^2)`: a′ first, so it reads naturally).
 */
function differentiate(node: Node, x: string): Node {
  const d = displayAlgebra(node.span)
  if (!dependsOn(node, x)) return d.num(0)
  const interior = opOf(node)
  if (interior === null) return d.num(node.kind === 'variable' ? 1 : 0)
  const rule = RULES[interior.op]
  const [a = d.num(0), b = d.num(0), c = d.num(0)] = interior.operands
  const varies = [0, 1, 2].map((k) => {
    const operand = interior.operands[k]
    return operand !== undefined && dependsOn(operand, x)
  }) as [boolean, boolean, boolean]
  const [da, db, dc] = [a, b, c].map((operand, k) =>
    varies[k] ? differentiate(operand, x) : d.num(0),
  )
  if (rule.textbook) {
    return rule.textbook(d, { a, b, c, out: node, da: da!, db: db!, dc: dc!, varies })
  }
  const tangents = [da!, db!, dc!]
  const terms = rule.derivative.flatMap((formula, k) =>
    formula === null || !varies[k]
      ? []
      : [d.mul(tangents[k]!, formula(d, { a, b, c, out: node, g: d.num(1) }))],
  )
  return terms.reduce((sum, term) => d.add(sum, term))
}
