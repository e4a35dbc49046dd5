import { RULES, type ScalarTemplate } from '../autograd'
import { NODE_OPS, type NodeOp } from '../ops/node-op'
import type { Node } from '../expr/ast'
import { derivative, parse, toLatex, variablesOf } from '../expr'
import type { Diagnostic } from '../protocol/diagnostics'
import {
  compileSliceKernel,
  generateSliceSource,
  type ScalarTemplates,
  type SliceKernel,
} from './codegen'
import { LruCache } from './lru'
import { LIMITS } from '../protocol/limits'

export const TOO_LONG_TO_DISPLAY = '\\text{(too long to display)}'

/** The scalar templates of every op, straight from the autograd rule table. */
export const TEMPLATES: ScalarTemplates = Object.fromEntries(
  NODE_OPS.map((op) => [op, RULES[op].scalar]),
) as Record<NodeOp, ScalarTemplate>

export interface Kernel {
  run: SliceKernel
  held: string[]
}

/**
 * One parsed expression and everything derived from it that does not depend on the point: its
 * variables, its LaTeX, and per plotted variable the symbolic derivative and the generated loop. Built
 * once per expression, then reused for every slider position.
 */
export class CompiledExpression {
  readonly variables: string[]
  readonly latex: string
  private readonly derivativeLatex = new Map<string, string>()
  private readonly kernels = new Map<string, Kernel | null>()

  constructor(readonly ast: Node) {
    this.variables = variablesOf(ast)
    this.latex = toLatex(ast)
  }

  derivativeLatexFor(wrt: string): string {
    const cached = this.derivativeLatex.get(wrt)
    if (cached !== undefined) return cached
    const full = toLatex(derivative(this.ast, wrt))
    // Typesetting a formula of many kilobytes helps no one and stalls the page.
    const latex = full.length > LIMITS.displayLatexLength ? TOO_LONG_TO_DISPLAY : full
    this.derivativeLatex.set(wrt, latex)
    return latex
  }

  /** The generated f/f′ loop for `wrt`, or null where the runtime forbids generated code. */
  kernelFor(wrt: string): Kernel | null {
    if (!this.kernels.has(wrt)) {
      const generated = generateSliceSource(this.ast, wrt, TEMPLATES)
      const run = compileSliceKernel(generated)
      this.kernels.set(wrt, run ? { run, held: generated.held } : null)
    }
    return this.kernels.get(wrt)!
  }
}

export type Compilation =
  { ok: true; compiled: CompiledExpression } | { ok: false; diagnostics: Diagnostic[] }

const cache = new LruCache<string, Compilation>(64)

export function compile(expression: string): Compilation {
  let compilation = cache.get(expression)
  if (compilation === undefined) {
    const { ast, diagnostics } = parse(expression)
    compilation = ast
      ? { ok: true, compiled: new CompiledExpression(ast) }
      : { ok: false, diagnostics }
    cache.set(expression, compilation)
  }
  return compilation
}
