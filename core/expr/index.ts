/**
 * The expression language: what a learner types, parsed into an AST, and the AST written back out as
 * canonical text, LaTeX, PyTorch code, and its symbolic derivative for display.
 */
export type { BinaryOperator, FunctionName, Node, NodeOf, UnaryFunction } from './ast'
export { UNARY_FUNCTIONS } from './ast'
export { parse, type ParseResult } from './parser'
export { canonicalText, printExpression } from './print'
export { toLatex } from './latex'
export { toTorch, type TorchOptions } from './torch'
export { derivative } from './derivative'
export { simplify } from './simplify'
export { variablesOf } from './variables'
