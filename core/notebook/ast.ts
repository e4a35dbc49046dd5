import type { Span } from './errors'

/** The notebook's Python subset as a tree; every node keeps the span of the characters it came from. */
export type Expr =
  | { kind: 'int'; value: bigint; span: Span }
  | { kind: 'float'; value: number; span: Span }
  | { kind: 'str'; value: string; span: Span }
  | { kind: 'fstr'; parts: FPart[]; span: Span }
  | { kind: 'const'; value: boolean | null; span: Span }
  | { kind: 'name'; id: string; span: Span }
  | { kind: 'attr'; object: Expr; name: string; span: Span }
  | { kind: 'call'; func: Expr; args: Expr[]; keywords: Keyword[]; span: Span }
  | { kind: 'index'; object: Expr; index: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { kind: 'unary'; op: '-' | '+' | 'not'; operand: Expr; span: Span }
  | { kind: 'compare'; ops: CompareOp[]; operands: Expr[]; span: Span }
  | { kind: 'bool'; op: 'and' | 'or'; left: Expr; right: Expr; span: Span }
  | { kind: 'ifexp'; test: Expr; body: Expr; orelse: Expr; span: Span }
  | { kind: 'list'; items: Expr[]; span: Span }
  | { kind: 'tuple'; items: Expr[]; span: Span }

export type FPart = string | { expr: Expr; spec: string; conversion: 'r' | 's' | null }
export interface Keyword {
  name: string
  value: Expr
  span: Span
}
export type BinaryOp = '+' | '-' | '*' | '/' | '//' | '%' | '**'
export type CompareOp = '<' | '>' | '<=' | '>=' | '==' | '!=' | 'is' | 'is not' | 'in' | 'not in'

export type Stmt =
  | { kind: 'expr'; value: Expr; span: Span }
  | { kind: 'assign'; targets: Expr[]; value: Expr; span: Span }
  | { kind: 'augassign'; target: Expr; op: BinaryOp; value: Expr; span: Span }
  | { kind: 'import'; module: string; alias: string | null; span: Span }
  | { kind: 'for'; target: Expr; iter: Expr; body: Stmt[]; span: Span }
  | { kind: 'with'; context: Expr; body: Stmt[]; span: Span }
  | { kind: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[]; span: Span }
  | { kind: 'pass'; span: Span }
  | { kind: 'break'; span: Span }
  | { kind: 'continue'; span: Span }
