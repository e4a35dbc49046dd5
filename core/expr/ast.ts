import type { Span } from '../protocol/diagnostics'

import { FUNCTION_NAMES, FUNCTIONS, type FunctionName } from '../ops/catalog'

export type { FunctionName }

/** The functions of one argument, by canonical name (see core/ops/catalog.ts for every spelling). */
export const UNARY_FUNCTIONS = FUNCTION_NAMES.filter((fn) => FUNCTIONS[fn].arity === 1)
export type UnaryFunction = {
  [K in FunctionName]: (typeof FUNCTIONS)[K]['arity'] extends 1 ? K : never
}[FunctionName]

export type BinaryOperator = 'add' | 'sub' | 'mul' | 'div' | 'pow'

export type Node =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'constant'; name: 'pi' | 'e'; span: Span }
  | { kind: 'variable'; name: string; span: Span }
  | { kind: 'neg'; operand: Node; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Node; right: Node; span: Span }
  | { kind: 'call'; fn: FunctionName; args: Node[]; span: Span }

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>

/** A node's operands, left to right. */
export function childrenOf(node: Node): Node[] {
  switch (node.kind) {
    case 'neg':
      return [node.operand]
    case 'binary':
      return [node.left, node.right]
    case 'call':
      return node.args
    default:
      return []
  }
}
