import type { Span } from '../protocol/diagnostics'

/** The functions of the language, by canonical name (aliases such as `ln`, `torch.sin`, `F.relu` map here). */
export const UNARY_FUNCTIONS = [
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'sinh',
  'cosh',
  'tanh',
  'exp',
  'log',
  'log2',
  'log10',
  'sqrt',
  'abs',
  'relu',
  'sigmoid',
  'softplus',
] as const
export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number]
export type FunctionName = UnaryFunction | 'min' | 'max' | 'clamp'

export type BinaryOperator = 'add' | 'sub' | 'mul' | 'div' | 'pow'

export type Node =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'constant'; name: 'pi' | 'e'; span: Span }
  | { kind: 'variable'; name: string; span: Span }
  | { kind: 'neg'; operand: Node; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Node; right: Node; span: Span }
  | { kind: 'call'; fn: FunctionName; args: Node[]; span: Span }

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>
