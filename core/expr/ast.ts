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

/**
 * Functions that appear only in symbolic derivatives shown to the learner, never in what the parser
 * returns: relu′(t) = step(t) and abs′(t) = sign(t), with step(t) = 1 for t > 0 and 0 otherwise (so
 * step(0) = 0, PyTorch's relu′(0)) and sign(0) = 0 (PyTorch's abs′(0)). Both have derivative 0.
 */
export const DISPLAY_FUNCTIONS = ['step', 'sign'] as const
export type DisplayFunction = (typeof DISPLAY_FUNCTIONS)[number]

export type BinaryOperator = 'add' | 'sub' | 'mul' | 'div' | 'pow'

export type Node =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'constant'; name: 'pi' | 'e'; span: Span }
  | { kind: 'variable'; name: string; span: Span }
  | { kind: 'neg'; operand: Node; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Node; right: Node; span: Span }
  | { kind: 'call'; fn: FunctionName | DisplayFunction; args: Node[]; span: Span }

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>
