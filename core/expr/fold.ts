import type { Node, NodeOf } from './ast'
import { printingOf } from '../ops/catalog'
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
  return printingOf(fn).exact?.(a, b, c)
}
