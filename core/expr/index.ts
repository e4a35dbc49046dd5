export type { Node, NodeOf, FunctionName, UnaryFunction, BinaryOperator } from './ast'
export { parse, type ParseResult } from './parser'
