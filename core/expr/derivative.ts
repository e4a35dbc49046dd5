import type { Span } from '../protocol/diagnostics'
import type { BinaryOperator, DisplayFunction, FunctionName, Node, NodeOf } from './ast'
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

/** The rules, unsimplified. Each result is built so that simplify can order it the way people write it. */
function differentiate(node: Node, x: string): Node {
  const b = new Builder(node.span)
  if (!dependsOn(node, x)) return b.num(0)
  switch (node.kind) {
    case 'number':
    case 'constant':
      return b.num(0)
    case 'variable':
      return b.num(1)
    case 'neg':
      return b.neg(differentiate(node.operand, x))
    case 'call':
      return differentiateCall(node, x, b)
    case 'binary': {
      const { left: f, right: g } = node
      const df = (): Node => differentiate(f, x)
      const dg = (): Node => differentiate(g, x)
      switch (node.op) {
        case 'add':
          return b.add(df(), dg())
        case 'sub':
          return b.sub(df(), dg())
        case 'mul':
          // (fg)′ = f′g + fg′
          return b.add(b.mul(df(), g), b.mul(f, dg()))
        case 'div':
          // (f/g)′ = f′/g − f·g′/g²; the second part vanishes when g does not involve x.
          if (!dependsOn(g, x)) return b.div(df(), g)
          return b.sub(b.div(df(), g), b.div(b.mul(f, dg()), b.pow(g, b.num(2))))
        case 'pow':
          if (!dependsOn(g, x)) {
            // (f^c)′ = c·f^(c−1)·f′
            return b.mul(b.mul(g, b.pow(f, b.sub(g, b.num(1)))), df())
          }
          if (!dependsOn(f, x)) {
            // (c^g)′ = c^g·ln(c)·g′
            return b.mul(b.mul(dg(), node), b.call('log', f))
          }
          // (f^g)′ = f^g·(g′·ln f + g·f′/f)
          return b.mul(node, b.add(b.mul(dg(), b.call('log', f)), b.div(b.mul(g, df()), f)))
      }
    }
  }
}

/** Chain rule: (outer(a))′ = a′·outer′(a), with a′ first so `2*x*cos(x^2)` reads naturally. */
function differentiateCall(node: NodeOf<'call'>, x: string, b: Builder): Node {
  const [a = b.num(0), second = b.num(0), third = b.num(0)] = node.args
  const chain = (outerDerivative: Node): Node => b.mul(differentiate(a, x), outerDerivative)
  const one = b.num(1)
  switch (node.fn) {
    case 'sin':
      return chain(b.call('cos', a))
    case 'cos':
      return chain(b.neg(b.call('sin', a)))
    case 'tan':
      // tan′ = 1/cos²
      return chain(b.div(one, b.pow(b.call('cos', a), b.num(2))))
    case 'asin':
      return chain(b.div(one, b.call('sqrt', b.sub(one, b.pow(a, b.num(2))))))
    case 'acos':
      return chain(b.neg(b.div(one, b.call('sqrt', b.sub(one, b.pow(a, b.num(2)))))))
    case 'atan':
      return chain(b.div(one, b.add(one, b.pow(a, b.num(2)))))
    case 'sinh':
      return chain(b.call('cosh', a))
    case 'cosh':
      return chain(b.call('sinh', a))
    case 'tanh':
      return chain(b.sub(one, b.pow(b.call('tanh', a), b.num(2))))
    case 'exp':
      return chain(node)
    case 'log':
      return chain(b.div(one, a))
    case 'log2':
      return chain(b.div(one, b.mul(a, b.call('log', b.num(2)))))
    case 'log10':
      return chain(b.div(one, b.mul(a, b.call('log', b.num(10)))))
    case 'sqrt':
      return chain(b.div(one, b.mul(b.num(2), node)))
    case 'abs':
      return chain(b.call('sign', a))
    case 'relu':
      return chain(b.call('step', a))
    case 'sigmoid':
      // σ′ = σ·(1 − σ)
      return chain(b.mul(node, b.sub(one, node)))
    case 'softplus':
      // softplus(t) = ln(1 + eᵗ), so softplus′ = σ
      return chain(b.call('sigmoid', a))
    case 'min':
      // the smaller argument's derivative
      return b.add(
        b.mul(differentiate(a, x), b.call('step', b.sub(second, a))),
        b.mul(differentiate(second, x), b.call('step', b.sub(a, second))),
      )
    case 'max':
      return b.add(
        b.mul(differentiate(a, x), b.call('step', b.sub(a, second))),
        b.mul(differentiate(second, x), b.call('step', b.sub(second, a))),
      )
    case 'clamp':
      // x inside [lo, hi] passes its derivative; below lo, lo's; above hi, hi's.
      return b.add(
        b.add(
          b.mul(
            differentiate(a, x),
            b.mul(b.call('step', b.sub(a, second)), b.call('step', b.sub(third, a))),
          ),
          b.mul(differentiate(second, x), b.call('step', b.sub(second, a))),
        ),
        b.mul(differentiate(third, x), b.call('step', b.sub(a, third))),
      )
    case 'step':
    case 'sign':
      return b.num(0)
  }
}

/** Small constructors that stamp every new node with the span of the node being differentiated. */
class Builder {
  constructor(private readonly span: Span) {}
  num(value: number): Node {
    return { kind: 'number', value, span: this.span }
  }
  neg(operand: Node): Node {
    return { kind: 'neg', operand, span: this.span }
  }
  call(fn: FunctionName | DisplayFunction, ...args: Node[]): Node {
    return { kind: 'call', fn, args, span: this.span }
  }
  private binary(op: BinaryOperator, left: Node, right: Node): Node {
    return { kind: 'binary', op, left, right, span: this.span }
  }
  add(l: Node, r: Node): Node {
    return this.binary('add', l, r)
  }
  sub(l: Node, r: Node): Node {
    return this.binary('sub', l, r)
  }
  mul(l: Node, r: Node): Node {
    return this.binary('mul', l, r)
  }
  div(l: Node, r: Node): Node {
    return this.binary('div', l, r)
  }
  pow(l: Node, r: Node): Node {
    return this.binary('pow', l, r)
  }
}
