import fc from 'fast-check'
import type { BinaryOperator, FunctionName, Node } from '../expr/ast'
import { UNARY_FUNCTIONS } from '../expr/ast'

/** A tree without spans, for comparing what two inputs mean. */
export type SpanlessTree =
  | { kind: 'number'; value: number }
  | { kind: 'constant'; name: string }
  | { kind: 'variable'; name: string }
  | { kind: 'neg'; operand: SpanlessTree }
  | { kind: 'binary'; op: string; left: SpanlessTree; right: SpanlessTree }
  | { kind: 'call'; fn: string; args: SpanlessTree[] }

export function spanlessTree(node: Node): SpanlessTree {
  switch (node.kind) {
    case 'number':
      return { kind: 'number', value: node.value }
    case 'constant':
      return { kind: 'constant', name: node.name }
    case 'variable':
      return { kind: 'variable', name: node.name }
    case 'neg':
      return { kind: 'neg', operand: spanlessTree(node.operand) }
    case 'binary':
      return {
        kind: 'binary',
        op: node.op,
        left: spanlessTree(node.left),
        right: spanlessTree(node.right),
      }
    case 'call':
      return { kind: 'call', fn: node.fn, args: node.args.map(spanlessTree) }
  }
}

/**
 * The tree a PyTorch program's expression line reads back as: the same, but with every step(t) as
 * relu(sign(t)), the form a program writes it in (torch.heaviside has no backward).
 */
export function asProgramReadsBack(tree: SpanlessTree): SpanlessTree {
  switch (tree.kind) {
    case 'neg':
      return { kind: 'neg', operand: asProgramReadsBack(tree.operand) }
    case 'binary':
      return { ...tree, left: asProgramReadsBack(tree.left), right: asProgramReadsBack(tree.right) }
    case 'call': {
      const args = tree.args.map(asProgramReadsBack)
      if (tree.fn !== 'step') return { ...tree, args }
      return { kind: 'call', fn: 'relu', args: [{ kind: 'call', fn: 'sign', args }] }
    }
    default:
      return tree
  }
}

/** Builders for expected trees in tests, without spans. */
export const num = (value: number): SpanlessTree => ({ kind: 'number', value })
export const v = (name: string): SpanlessTree => ({ kind: 'variable', name })
export const pi: SpanlessTree = { kind: 'constant', name: 'pi' }
export const e: SpanlessTree = { kind: 'constant', name: 'e' }
export const neg = (operand: SpanlessTree): SpanlessTree => ({ kind: 'neg', operand })
const bin =
  (op: string) =>
  (left: SpanlessTree, right: SpanlessTree): SpanlessTree => ({ kind: 'binary', op, left, right })
export const add = bin('add')
export const sub = bin('sub')
export const mul = bin('mul')
export const div = bin('div')
export const pow = bin('pow')
export const call = (fn: string, ...args: SpanlessTree[]): SpanlessTree => ({
  kind: 'call',
  fn,
  args,
})

const S: [number, number] = [0, 0]

/** Random trees of the language, spans all [0, 0]. `smooth` keeps to functions differentiable everywhere they are defined. */
export function arbitraryNode(
  options: { smooth?: boolean; maxDepth?: number } = {},
): fc.Arbitrary<Node> {
  const variables = ['x', 'u', 'v']
  const leaf: fc.Arbitrary<Node> = fc.oneof(
    // Smooth trees avoid 0, whose powers (0^x) have no derivative.
    fc
      .oneof(
        fc.integer({ min: options.smooth ? 1 : 0, max: 9 }),
        fc.constantFrom(0.5, 1.5, 2.25, 1e-3, 10),
      )
      .map((value): Node => ({ kind: 'number', value, span: S })),
    fc
      .constantFrom<'pi' | 'e'>('pi', 'e')
      .map((name): Node => ({ kind: 'constant', name, span: S })),
    fc.constantFrom(...variables).map((name): Node => ({ kind: 'variable', name, span: S })),
  )
  const unary: readonly FunctionName[] = options.smooth
    ? ([
        ...['sin', 'cos', 'tanh', 'exp', 'sigmoid', 'softplus', 'atan', 'sinh', 'cosh'],
        ...['expm1', 'erf', 'silu', 'gelu'],
      ] as FunctionName[])
    : UNARY_FUNCTIONS
  const { node } = fc.letrec<{ node: Node }>((tie) => {
    const branches: fc.Arbitrary<Node>[] = [
      leaf,
      tie('node').map((operand): Node => ({ kind: 'neg', operand, span: S })),
      fc
        .tuple(
          fc.constantFrom<BinaryOperator>('add', 'sub', 'mul', 'div', 'pow'),
          tie('node'),
          tie('node'),
        )
        .map(([op, left, right]): Node => ({ kind: 'binary', op, left, right, span: S })),
      fc
        .tuple(fc.constantFrom(...unary), tie('node'))
        .map(([fn, arg]): Node => ({ kind: 'call', fn, args: [arg], span: S })),
    ]
    // min and max have kinks wherever their arguments tie, so smooth trees leave them out.
    if (!options.smooth) {
      branches.push(
        fc
          .tuple(fc.constantFrom<FunctionName>('min', 'max'), tie('node'), tie('node'))
          .map(([fn, a, b]): Node => ({ kind: 'call', fn, args: [a, b], span: S })),
      )
    }
    return { node: fc.oneof({ depthSize: 'small', maxDepth: options.maxDepth ?? 5 }, ...branches) }
  })
  return node
}
