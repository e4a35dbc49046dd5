import type { Span } from '../protocol/diagnostics'

import {
  DISPLAY_FUNCTIONS as DISPLAY_FUNCTION_TABLE,
  FUNCTION_NAMES,
  FUNCTIONS,
  type DisplayFunction,
  type FunctionName,
} from '../ops/catalog'

export type { DisplayFunction, FunctionName }

/** The functions of one argument, by canonical name (see core/ops/catalog.ts for every spelling). */
export const UNARY_FUNCTIONS = FUNCTION_NAMES.filter((fn) => FUNCTIONS[fn].arity === 1)
export type UnaryFunction = {
  [K in FunctionName]: (typeof FUNCTIONS)[K]['arity'] extends 1 ? K : never
}[FunctionName]

/** Functions only derivatives shown to the learner use (step, sign); the parser never makes them. */
export const DISPLAY_FUNCTIONS = Object.keys(DISPLAY_FUNCTION_TABLE) as DisplayFunction[]

export type BinaryOperator = 'add' | 'sub' | 'mul' | 'div' | 'pow'

export type Node =
  | { kind: 'number'; value: number; span: Span }
  | { kind: 'constant'; name: 'pi' | 'e'; span: Span }
  | { kind: 'variable'; name: string; span: Span }
  | { kind: 'neg'; operand: Node; span: Span }
  | { kind: 'binary'; op: BinaryOperator; left: Node; right: Node; span: Span }
  | { kind: 'call'; fn: FunctionName | DisplayFunction; args: Node[]; span: Span }

export type NodeOf<K extends Node['kind']> = Extract<Node, { kind: K }>
