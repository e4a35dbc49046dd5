import { erf } from '../autograd/kernels/erf'
import type { BinaryOperator, Node } from '../expr/ast'

/**
 * A plain numeric evaluator, for tests only (the app evaluates with the autograd core). It follows the
 * language's definitions, including step (0 at 0) and sign (0 at 0).
 */
export function evaluateForTests(node: Node, point: Record<string, number>): number {
  const ev = (n: Node): number => evaluateForTests(n, point)
  switch (node.kind) {
    case 'number':
      return node.value
    case 'constant':
      return node.name === 'pi' ? Math.PI : Math.E
    case 'variable': {
      const value = point[node.name]
      if (value === undefined) throw new Error(`no value for ${node.name}`)
      return value
    }
    case 'neg':
      return -ev(node.operand)
    case 'binary':
      return arithmetic(node.op, ev(node.left), ev(node.right))
    case 'call': {
      const [a = NaN, b = NaN, c = NaN] = node.args.map(ev)
      switch (node.fn) {
        case 'sin':
          return Math.sin(a)
        case 'cos':
          return Math.cos(a)
        case 'tan':
          return Math.tan(a)
        case 'asin':
          return Math.asin(a)
        case 'acos':
          return Math.acos(a)
        case 'atan':
          return Math.atan(a)
        case 'sinh':
          return Math.sinh(a)
        case 'cosh':
          return Math.cosh(a)
        case 'tanh':
          return Math.tanh(a)
        case 'exp':
          return Math.exp(a)
        case 'log':
          return Math.log(a)
        case 'log2':
          return Math.log2(a)
        case 'log10':
          return Math.log10(a)
        case 'sqrt':
          return Math.sqrt(a)
        case 'reciprocal':
          return 1 / a
        case 'abs':
          return Math.abs(a)
        case 'relu':
          return Math.max(a, 0)
        case 'sigmoid':
          return 1 / (1 + Math.exp(-a))
        case 'softplus':
          return Math.log1p(Math.exp(a))
        case 'log1p':
          return Math.log1p(a)
        case 'expm1':
          return Math.expm1(a)
        case 'erf':
          return erf(a)
        case 'silu':
          return a / (1 + Math.exp(-a))
        case 'gelu':
          return a * 0.5 * (1 + erf(a / Math.SQRT2))
        case 'min':
          return Math.min(a, b)
        case 'max':
          return Math.max(a, b)
        case 'clamp':
          return Math.min(Math.max(a, b), c)
        case 'step':
          return a > 0 ? 1 : 0
        case 'sign':
          return Number.isNaN(a) ? 0 : Math.sign(a)
        case 'floor':
          return Math.floor(a)
        case 'ceil':
          return Math.ceil(a)
        case 'round':
          // a tie to the even neighbour, as torch.round
          return Math.abs(a - Math.trunc(a)) === 0.5 ? 2 * Math.round(a / 2) : Math.round(a)
        case 'frac':
          return a - Math.trunc(a)
      }
    }
  }
}

function arithmetic(op: BinaryOperator, a: number, b: number): number {
  switch (op) {
    case 'add':
      return a + b
    case 'sub':
      return a - b
    case 'mul':
      return a * b
    case 'div':
      return a / b
    case 'pow':
      return a ** b
  }
}
