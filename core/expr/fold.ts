import type { Node, NodeOf } from './ast'
import { numberNode, numericValue, signedNumber } from './terms'

/**
 * Function values that are exact and worth writing as numbers: sin(0) = 0, exp(0) = 1, log(e) = 1,
 * sqrt(4) = 2, relu(-3) = 0, max(2, 5) = 5 … Anything else (sin(1), sqrt(2)) stays symbolic.
 */
export function foldCall(call: NodeOf<'call'>): Node | undefined {
  const span = call.span
  const [first, second, third] = call.args
  if (call.fn === 'log' && first?.kind === 'constant' && first.name === 'e')
    return numberNode(1, span)
  const a = first && numericValue(first)
  if (a === undefined) return undefined
  const value = exactValue(call.fn, a, second && numericValue(second), third && numericValue(third))
  // `+ 0` turns -0 (sign(-0), min(-0, 0)) into 0, which is what a person writes.
  return value === undefined ? undefined : signedNumber(value + 0, span)
}

function exactValue(
  fn: NodeOf<'call'>['fn'],
  a: number,
  b: number | undefined,
  c: number | undefined,
): number | undefined {
  switch (fn) {
    case 'sin':
    case 'tan':
    case 'asin':
    case 'atan':
    case 'sinh':
    case 'tanh':
      return a === 0 ? 0 : undefined
    case 'cos':
    case 'cosh':
    case 'exp':
      return a === 0 ? 1 : undefined
    case 'log':
    case 'log2':
    case 'log10':
      return a === 1 ? 0 : undefined
    case 'sqrt': {
      const root = Math.sqrt(a)
      return Number.isInteger(root) ? root : undefined
    }
    case 'sigmoid':
      return a === 0 ? 0.5 : undefined
    case 'abs':
      return Math.abs(a)
    case 'relu':
      return Math.max(a, 0)
    case 'step':
      return a > 0 ? 1 : 0
    case 'sign':
      return Math.sign(a)
    case 'min':
      return b === undefined ? undefined : Math.min(a, b)
    case 'max':
      return b === undefined ? undefined : Math.max(a, b)
    case 'clamp':
      return b === undefined || c === undefined ? undefined : Math.min(Math.max(a, b), c)
    case 'acos':
    case 'softplus':
      return undefined
  }
}
