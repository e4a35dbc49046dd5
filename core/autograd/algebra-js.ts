import { PRIMITIVES, type Algebra, type Formula, type Primitive } from './algebra'
import { numberLiteral } from './number-literal'

/** Per op, its output as a JS expression of its inputs' expressions (the rule table's `scalar`). */
export type ScalarValues = (op: Primitive) => (args: readonly string[]) => string

const js = (operand: string | number): string =>
  typeof operand === 'number' ? numberLiteral(operand) : operand

/**
 * The rules read as JavaScript expression text, for the generated loop: each primitive is the op's own
 * scalar template, each mask a comparison and `where` a conditional, so the text performs the tensor
 * rule's operations in the tensor rule's order, and gives its numbers bit for bit.
 */
export function jsAlgebra(values: ScalarValues): Algebra<string, string> {
  const compare =
    (operator: string) =>
    (a: string | number, b: string | number): string =>
      `(${js(a)} ${operator} ${js(b)})`
  return {
    ...(Object.fromEntries(
      PRIMITIVES.map((op) => [
        op,
        (...operands: (string | number)[]) => values(op)(operands.map(js)),
      ]),
    ) as Record<Primitive, (...operands: (string | number)[]) => string>),
    constant: (value) => numberLiteral(value),
    pi: numberLiteral(Math.PI),
    where: (cond, then, otherwise) => `(${cond} ? ${js(then)} : ${js(otherwise)})`,
    gt: compare('>'),
    ge: compare('>='),
    lt: compare('<'),
    le: compare('<='),
    eq: compare('==='),
    and: (a, b) => `(${a} && ${b})`,
    or: (a, b) => `(${a} || ${b})`,
    nonzero: (mask) => `(${mask} !== 0)`,
    sign: (a) => `(${js(a)} > 0 ? 1 : ${js(a)} < 0 ? -1 : 0)`,
    step: (a) => `(${js(a)} > 0 ? 1 : 0)`,
  }
}

/** A formula as a JS expression of the inputs' names, the output's name and the incoming gradient's. */
export function jsVjp(
  algebra: Algebra<string, string>,
  formula: Formula,
  args: readonly string[],
  out: string,
  grad: string,
): string {
  const arg = (index: number): string => {
    const value = args[index]
    if (value === undefined) throw new Error(`scalar template needs input ${index}`)
    return value
  }
  return formula(algebra, {
    get a() {
      return arg(0)
    },
    get b() {
      return arg(1)
    },
    get c() {
      return arg(2)
    },
    out,
    g: grad,
  })
}
