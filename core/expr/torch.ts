import type { Note } from '../protocol/notes'
import { printingOf } from '../ops/catalog'
import type { BinaryOperator, FunctionName, Node } from './ast'
import { binaryPrecedence, operandNeedsParentheses, PRECEDENCE } from './print'
import { pythonFloat, pythonNumber } from './python-number'
import { variablesOf } from './variables'

export interface TorchOptions {
  /** The value of each variable (the sliders). */
  point: Record<string, number>
  /** The variables to create as leaf tensors, in this order; any the expression uses are added. */
  variables: string[]
  /** The plotted variable: its gradient is printed first. */
  wrt?: string
  /** Convention notes at the point: each is a comment under the gradient it is about. */
  notes?: readonly Note[]
}

const PYTHON_OPERATOR: Readonly<Record<BinaryOperator, string>> = {
  add: ' + ',
  sub: ' - ',
  mul: ' * ',
  div: ' / ',
  pow: ' ** ',
}

/**
 * Rendered Python: its text, how tightly it binds, whether it is a tensor (or a Python number), and
 * whether it uses a variable, so that autograd records it (`torch.sin(torch.tensor(2.0))` is a tensor
 * that does not require grad, and its backward() would raise).
 */
interface Python {
  text: string
  precedence: number
  tensor: boolean
  variable: boolean
}

/**
 * A complete PyTorch program that computes the same numbers as the app, in the lab's style:
 *
 *     import torch
 *
 *     torch.set_default_dtype(torch.float64)
 *
 *     x = torch.tensor(2.0, requires_grad=True)
 *     y = x ** 2 + 2 * x + 1
 *     y.backward()
 *     print("y =", y)
 *     print("dy/dx =", x.grad)
 *
 * Torch functions take tensors, not Python numbers, so a constant argument is wrapped:
 * `torch.sin(torch.tensor(2.0))`. A constant division or power that Python would refuse (1/0, 0 ** -1,
 * (-8) ** 0.5) is done on a tensor instead, where it gives inf or nan as the app does.
 * The program first makes float64 PyTorch's default, as the app computes in float64: with the default
 * float32 the last digits would differ (sin(1) = 0.84147096 instead of 0.8414709848078965).
 */
const FLOAT64 = 'torch.set_default_dtype(torch.float64)'

export function toTorch(ast: Node, options: TorchOptions): string {
  const used = variablesOf(ast)
  const variables = [...options.variables, ...used.filter((v) => !options.variables.includes(v))]
  const output = ['y', 'f', 'z', 'out'].find((name) => !variables.includes(name)) ?? 'out'
  const expression = render(ast, false)
  const lines = ['import torch']
  if (/\bmath\./.test(expression.text)) lines.push('import math')
  // F.gelu, F.silu: the lab's spelling of torch.nn.functional.
  if (/(?<![\w.])F\./.test(expression.text)) lines.push('import torch.nn.functional as F')
  lines.push('', FLOAT64, '')
  for (const name of variables) {
    const value = options.point[name]
    const comment = value === undefined ? '  # no value was given; 0.0 assumed' : ''
    lines.push(`${name} = torch.tensor(${pythonFloat(value ?? 0)}, requires_grad=True)${comment}`)
  }
  if (/torch\.relu\(torch\.sign\(/.test(expression.text)) {
    lines.push('# step(t) is written torch.relu(torch.sign(t)): the same values as')
    lines.push('# torch.heaviside(t, torch.tensor(0.0)), but with a backward (gradient 0).')
  }
  if (!expression.variable) {
    const value = expression.tensor ? expression.text : `torch.tensor(${render(ast, true).text})`
    lines.push(`${output} = ${value}`)
    lines.push(`# ${output} does not depend on any variable: there is no gradient to compute,`)
    lines.push(
      `# and ${output}.backward() would raise "element 0 of tensors does not require grad".`,
    )
    lines.push(`print("${output} =", ${output})`)
    return lines.join('\n') + '\n'
  }
  lines.push(`${output} = ${expression.text}`)
  lines.push(`${output}.backward()`)
  lines.push(`print("${output} =", ${output})`)
  const wrt = options.wrt
  const ordered =
    wrt && variables.includes(wrt) ? [wrt, ...variables.filter((v) => v !== wrt)] : variables
  for (const name of ordered) {
    lines.push(`print("d${output}/d${name} =", ${name}.grad)`)
    // The values panel's note, said where the learner reads the number (core/notes/).
    for (const note of options.notes ?? []) {
      if (note.variable === name) lines.push(`# ${note.code}: ${note.message}`)
    }
  }
  return lines.join('\n') + '\n'
}

/** `asFloat`: inside `torch.tensor(…)` every literal is a float, so the tensor is not an integer one. */
function render(node: Node, asFloat: boolean): Python {
  switch (node.kind) {
    case 'number': {
      const text = asFloat ? pythonFloat(node.value) : pythonNumber(node.value)
      const negative = node.value < 0 || Object.is(node.value, -0)
      const precedence = negative ? PRECEDENCE.negation : PRECEDENCE.atom
      return { text, precedence, tensor: false, variable: false }
    }
    case 'constant':
      return {
        text: node.name === 'pi' ? 'math.pi' : 'math.e',
        precedence: PRECEDENCE.atom,
        tensor: false,
        variable: false,
      }
    case 'variable':
      return { text: node.name, precedence: PRECEDENCE.atom, tensor: true, variable: true }
    case 'neg': {
      const operand = render(node.operand, asFloat)
      const bare = operand.precedence > PRECEDENCE.negation
      return {
        text: bare ? `-${operand.text}` : `-(${operand.text})`,
        precedence: PRECEDENCE.negation,
        tensor: operand.tensor,
        variable: operand.variable,
      }
    }
    case 'binary':
      return renderBinary(node.op, node.left, node.right, asFloat)
    case 'call':
      return renderCall(node.fn, node.args)
  }
}

function renderBinary(
  op: BinaryOperator,
  leftNode: Node,
  rightNode: Node,
  asFloat: boolean,
): Python {
  let left = render(leftNode, asFloat)
  const right = render(rightNode, asFloat)
  const tensor = left.tensor || right.tensor
  if (!tensor && pythonWouldRefuse(op, leftNode, rightNode)) left = asTensor(leftNode, left)
  const wrap = (operand: Python, side: 'left' | 'right'): string =>
    operandNeedsParentheses(op, side, operand.precedence) ? `(${operand.text})` : operand.text
  return {
    text: `${wrap(left, 'left')}${PYTHON_OPERATOR[op]}${wrap(right, 'right')}`,
    precedence: binaryPrecedence(op),
    tensor: tensor || left.tensor,
    variable: left.variable || right.variable,
  }
}

/** The call as the catalog prints it: the torch function over the arguments as tensors, or its own form. */
function renderCall(fn: FunctionName, args: Node[]): Python {
  const rendered = args.map((arg) => render(arg, false))
  const argumentsForTorch = args.map((arg, i) => {
    const python = rendered[i] ?? render(arg, false)
    return { text: python.text, isTensor: python.tensor, asTensor: asTensor(arg, python).text }
  })
  const { torch } = printingOf(fn)
  const text =
    typeof torch === 'string'
      ? `${torch}(${argumentsForTorch.map((arg) => arg.asTensor).join(', ')})`
      : torch(argumentsForTorch)
  return {
    text,
    precedence: PRECEDENCE.atom,
    tensor: true,
    variable: rendered.some((arg) => arg.variable),
  }
}

/** The operand as a tensor: as it is when it already is one, else `torch.tensor(<float>)`. */
function asTensor(node: Node, rendered: Python): Python {
  if (rendered.tensor) return rendered
  return {
    text: `torch.tensor(${render(node, true).text})`,
    precedence: PRECEDENCE.atom,
    tensor: true,
    variable: false,
  }
}

/**
 * Whether Python's own arithmetic on these two constants raises or leaves the reals where IEEE gives
 * inf or nan: division by zero, 0 ** negative, a negative base to a fractional power, overflow.
 */
function pythonWouldRefuse(op: BinaryOperator, left: Node, right: Node): boolean {
  if (op !== 'div' && op !== 'pow') return false
  const a = constantValue(left)
  const b = constantValue(right)
  if (a === undefined || b === undefined) return true
  if (op === 'div') return b === 0
  if (a === 0 && b < 0) return true
  if (a < 0 && !Number.isInteger(b)) return true
  return !Number.isFinite(a ** b)
}

function constantValue(node: Node): number | undefined {
  switch (node.kind) {
    case 'number':
      return node.value
    case 'constant':
      return node.name === 'pi' ? Math.PI : Math.E
    case 'neg': {
      const value = constantValue(node.operand)
      return value === undefined ? undefined : -value
    }
    case 'binary': {
      const a = constantValue(node.left)
      const b = constantValue(node.right)
      if (a === undefined || b === undefined) return undefined
      if (node.op === 'add') return a + b
      if (node.op === 'sub') return a - b
      if (node.op === 'mul') return a * b
      if (node.op === 'div') return a / b
      return a ** b
    }
    default:
      return undefined
  }
}
