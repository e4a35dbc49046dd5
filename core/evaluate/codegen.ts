import { noGrad, numberLiteral, SCALAR_LIBRARY, type ScalarTemplate } from '../autograd'
import type { Node } from '../expr/ast'
import { interpret } from './interpret'
import { CONSTANTS, isConstant, recordedOpOf, type NodeOp } from '../ops/node-op'

const NO_INPUTS = new Map()

/**
 * The fast path: one generated loop per (expression, plotted variable) that computes f and ∂f/∂wrt for
 * every sample — forward values and the reverse sweep fused per element, as a hand-written loop would.
 * It is generated only from a parsed AST and the rule table's own scalar templates: names are our
 * indices, numbers are printed by numberLiteral, so no text the learner typed ever reaches the source.
 */

/** Per op, the rule table's scalar templates: JS expressions for the output and ∂out/∂input_k. */
export type ScalarTemplates = Readonly<Record<NodeOp, ScalarTemplate>>

/**
 * Writes f(t[i]) into f[i] and ∂f/∂wrt(t[i]) into df[i]; `held` carries the other variables' values in
 * the order the kernel was generated for.
 */
export type SliceKernel = (
  t: Float64Array,
  held: Float64Array,
  f: Float64Array,
  df: Float64Array,
) => void

interface Emitted {
  name: string
  varies: boolean
}

export interface GeneratedSource {
  /** The function body, for tests and for reading. */
  source: string
  /** The non-plotted variables, in the order `held` must carry them. */
  held: string[]
}

export function generateSliceSource(
  ast: Node,
  wrt: string,
  templates: ScalarTemplates,
): GeneratedSource {
  const held: string[] = []
  const hoisted: string[] = []
  const forward: string[] = []
  const backward: string[] = []
  let counter = 0
  const fresh = (prefix: string) => `${prefix}${counter++}`
  let leafAdjoints = 0

  // Reverse mode over the tree: each node has one parent, so its adjoint is assigned once; only
  // occurrences of the plotted variable accumulate.
  const adjoint = new Map<Node, string>()
  const order: { node: Node; out: Emitted; operands: Emitted[]; op: NodeOp }[] = []

  function emit(node: Node): Emitted {
    switch (node.kind) {
      case 'number':
        return { name: numberLiteral(node.value), varies: false }
      case 'constant':
        return { name: numberLiteral(CONSTANTS[node.name]), varies: false }
      case 'variable': {
        if (node.name === wrt) return { name: 'w', varies: true }
        let index = held.indexOf(node.name)
        if (index === -1) index = held.push(node.name) - 1
        return { name: `h${index}`, varies: false }
      }
      default: {
        if (isConstant(node)) {
          // Computed once, here, by the engine itself: the loop sees the number PyTorch would, and a
          // literal exponent lets the JIT fold pow(Tensor, Scalar) down to its one branch (x·x for 2).
          const value = noGrad(() => interpret(node, NO_INPUTS)).item()
          return { name: numberLiteral(value), varies: false }
        }
        const { op, operands } = recordedOpOf(node)!
        const inputs = operands.map(emit)
        const out: Emitted = { name: fresh('a'), varies: inputs.some((input) => input.varies) }
        const value = templates[op].value(inputs.map((input) => input.name))
        ;(out.varies ? forward : hoisted).push(`const ${out.name} = ${value};`)
        if (out.varies) order.push({ node, out, operands: inputs, op })
        return out
      }
    }
  }

  const root = emit(ast)
  if (root.varies) {
    // The sum trick's seed: ∂(Σ f)/∂fᵢ = 1.
    adjoint.set(ast, '(1)')
    for (let index = order.length - 1; index >= 0; index--) {
      const { node, out, operands, op } = order[index]!
      const gradOut = adjoint.get(node)!
      const children = recordedOpOf(node)!.operands
      operands.forEach((input, k) => {
        if (!input.varies) return
        // The rule's own vector-Jacobian product, so each share is computed exactly as the engine does.
        const args = operands.map((operand) => operand.name)
        const contribution = templates[op].vjps[k]!(args, out.name, gradOut)
        const child = children[k]!
        if (child.kind === 'variable') {
          backward.push(leafAdjoints++ === 0 ? `let d = ${contribution};` : `d += ${contribution};`)
        } else {
          const name = fresh('g')
          backward.push(`const ${name} = ${contribution};`)
          adjoint.set(child, name)
        }
      })
    }
  }

  const lines = [
    ...held.map((_, index) => `const h${index} = held[${index}];`),
    ...hoisted,
    'const n = t.length;',
    'for (let i = 0; i < n; i++) {',
    '  const w = t[i];',
    ...forward.map((line) => `  ${line}`),
    `  f[i] = ${root.name};`,
    ...(root.varies
      ? ast.kind === 'variable'
        ? ['  df[i] = 1;']
        : [...backward.map((line) => `  ${line}`), '  df[i] = d;']
      : ['  df[i] = 0;']),
    '}',
  ]
  return { source: lines.join('\n'), held }
}

/**
 * Compiles the generated source. Returns null where the runtime forbids generating code (a Content
 * Security Policy without 'unsafe-eval'); the caller then takes the interpreted path.
 */
export function compileSliceKernel(generated: GeneratedSource): SliceKernel | null {
  try {
    // The loop sees the scalar library (`lib.erf`) as a closure, so calls to it are plain calls.
    const withLibrary = new Function(
      'lib',
      `return function slice(t, held, f, df) {\n${generated.source}\n}`,
    ) as (lib: typeof SCALAR_LIBRARY) => SliceKernel
    return withLibrary(SCALAR_LIBRARY)
  } catch {
    return null
  }
}
