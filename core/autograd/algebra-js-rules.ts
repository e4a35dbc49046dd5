import type { Algebra } from './algebra'
import { jsAlgebra } from './algebra-js'
import { RULES } from './rules'

let algebra: Algebra<string, string> | undefined

/** The JS reading of the rules, over the rule table's own scalar values (built on first use). */
export function jsRuleAlgebra(): Algebra<string, string> {
  algebra ??= jsAlgebra((op) => RULES[op].scalar.value)
  return algebra
}
