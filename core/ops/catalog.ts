import type { ElementwiseOpName } from '../autograd'
import { roundHalfEven, sign as torchSign } from '../autograd/kernels/scalar'
import type { Node } from '../expr/ast'

/**
 * Every function of the expression language, in one place: its canonical name (the key), the autograd
 * rule it runs (whose one formula gives its derivative everywhere), how many arguments it takes, every
 * other spelling the parser accepts (PyTorch's `torch.sin`, `F.relu`, `torch.nn.functional.gelu`;
 * Python's `math.log1p` where `math` has the function; textbook aliases such as `ln`, `arcsin`), how
 * it is typeset in LaTeX and printed in a PyTorch program, and the values exact enough to fold in a
 * displayed formula (sin 0 = 0). The parser, the printers, the AST → op mapping, the code generator
 * and the displayed derivative all read this table.
 */
export interface FunctionEntry {
  readonly rule: ElementwiseOpName
  readonly arity: 1 | 2 | 3
  readonly spellings: readonly string[]
  /** The arguments' names where there is more than one, as help text writes the call: `clamp(x,lo,hi)`. */
  readonly parameters?: readonly string[]
  /** A LaTeX operator typeset as `op\left(args\right)`, or the whole form from the typeset arguments. */
  readonly latex: string | ((inner: string, args: readonly Node[]) => string)
  /** The PyTorch function called with the arguments as tensors, or the whole call (see TorchArgument). */
  readonly torch: string | ((args: readonly TorchArgument[]) => string)
  /** The exact value at these arguments, where there is one worth writing as a number. */
  readonly exact?: (a: number, b: number | undefined, c: number | undefined) => number | undefined
}

/** An argument as the PyTorch printer renders it: as written, and as a tensor (`torch.tensor(2.0)`). */
export interface TorchArgument {
  readonly text: string
  readonly isTensor: boolean
  readonly asTensor: string
}

const zeroAt = (point: number, value: number) => (a: number) => (a === point ? value : undefined)

/** e^{1/x} with a fraction in the exponent is hard to read; such arguments keep \exp(…). */
function containsFraction(node: Node): boolean {
  if (node.kind === 'binary') {
    return node.op === 'div' || containsFraction(node.left) || containsFraction(node.right)
  }
  return node.kind === 'neg' ? containsFraction(node.operand) : false
}

/** The usual unary function: the same name in torch and in Python's math module. */
function unaryFunction(
  name: string,
  latex: FunctionEntry['latex'],
  extra: Partial<FunctionEntry> = {},
): FunctionEntry {
  return {
    rule: name as ElementwiseOpName,
    arity: 1,
    spellings: [`torch.${name}`, `math.${name}`, ...(extra.spellings ?? [])],
    latex,
    torch: `torch.${name}`,
    ...(extra.exact ? { exact: extra.exact } : {}),
  }
}

export const FUNCTIONS = {
  sin: unaryFunction('sin', '\\sin', { exact: zeroAt(0, 0) }),
  cos: unaryFunction('cos', '\\cos', { exact: zeroAt(0, 1) }),
  tan: unaryFunction('tan', '\\tan', { exact: zeroAt(0, 0) }),
  asin: unaryFunction('asin', '\\arcsin', {
    spellings: ['arcsin', 'torch.arcsin'],
    exact: zeroAt(0, 0),
  }),
  acos: unaryFunction('acos', '\\arccos', { spellings: ['arccos', 'torch.arccos'] }),
  atan: unaryFunction('atan', '\\arctan', {
    spellings: ['arctan', 'torch.arctan'],
    exact: zeroAt(0, 0),
  }),
  sinh: unaryFunction('sinh', '\\sinh', { exact: zeroAt(0, 0) }),
  cosh: unaryFunction('cosh', '\\cosh', { exact: zeroAt(0, 1) }),
  tanh: unaryFunction('tanh', '\\tanh', {
    spellings: ['F.tanh', 'torch.nn.functional.tanh'],
    exact: zeroAt(0, 0),
  }),
  exp: unaryFunction(
    'exp',
    (inner, [first]) =>
      first && !containsFraction(first) ? `e^{${inner}}` : `\\exp\\left(${inner}\\right)`,
    { exact: zeroAt(0, 1) },
  ),
  log: unaryFunction('log', '\\ln', { spellings: ['ln'], exact: zeroAt(1, 0) }),
  log2: unaryFunction('log2', '\\log_{2}', { exact: zeroAt(1, 0) }),
  log10: unaryFunction('log10', '\\log_{10}', { exact: zeroAt(1, 0) }),
  sqrt: unaryFunction('sqrt', (inner) => `\\sqrt{${inner}}`, {
    exact: (a) => (Number.isInteger(Math.sqrt(a)) ? Math.sqrt(a) : undefined),
  }),
  // What PyTorch runs for a Python number over a tensor (`2 / x` is `x.reciprocal() * 2`), and a function
  // in its own right; Python's math module has no reciprocal.
  reciprocal: {
    rule: 'reciprocal',
    arity: 1,
    spellings: ['torch.reciprocal'],
    latex: (inner) => `\\frac{1}{${inner}}`,
    torch: 'torch.reciprocal',
    exact: (a) => (a === 1 || a === -1 ? a : undefined),
  },
  abs: unaryFunction('abs', (inner) => `\\left|${inner}\\right|`, {
    spellings: ['math.fabs'],
    exact: (a) => Math.abs(a),
  }),
  relu: {
    rule: 'relu',
    arity: 1,
    spellings: ['torch.relu', 'F.relu', 'torch.nn.functional.relu'],
    latex: '\\operatorname{relu}',
    torch: 'torch.relu',
    exact: (a) => Math.max(a, 0),
  },
  sigmoid: {
    rule: 'sigmoid',
    arity: 1,
    spellings: ['torch.sigmoid', 'F.sigmoid', 'torch.nn.functional.sigmoid'],
    latex: '\\operatorname{sigmoid}',
    torch: 'torch.sigmoid',
    exact: zeroAt(0, 0.5),
  },
  softplus: {
    rule: 'softplus',
    arity: 1,
    spellings: ['F.softplus', 'torch.nn.functional.softplus'],
    latex: '\\operatorname{softplus}',
    // torch has no top-level softplus; the functional one is the same op F.softplus.
    torch: 'torch.nn.functional.softplus',
  },
  min: {
    rule: 'minimum',
    arity: 2,
    parameters: ['a', 'b'],
    spellings: ['torch.minimum'],
    latex: '\\min',
    torch: 'torch.minimum',
    exact: (a, b) => (b === undefined ? undefined : Math.min(a, b)),
  },
  max: {
    rule: 'maximum',
    arity: 2,
    parameters: ['a', 'b'],
    spellings: ['torch.maximum'],
    latex: '\\max',
    torch: 'torch.maximum',
    exact: (a, b) => (b === undefined ? undefined : Math.max(a, b)),
  },
  clamp: {
    rule: 'clamp',
    arity: 3,
    parameters: ['x', 'lo', 'hi'],
    spellings: ['torch.clamp', 'torch.clip'],
    latex: '\\operatorname{clamp}',
    // Bounds may be Python numbers or tensors, but not one of each (no such overload).
    torch: ([x, lo, hi]) =>
      lo && hi && !lo.isTensor && !hi.isTensor
        ? `torch.clamp(${x?.asTensor}, min=${lo.text}, max=${hi.text})`
        : `torch.clamp(${x?.asTensor}, min=${lo?.asTensor}, max=${hi?.asTensor})`,
    exact: (a, b, c) =>
      b === undefined || c === undefined ? undefined : Math.min(Math.max(a, b), c),
  },
  log1p: unaryFunction('log1p', '\\operatorname{log1p}', {
    spellings: ['torch.special.log1p'],
    exact: zeroAt(0, 0),
  }),
  expm1: unaryFunction('expm1', '\\operatorname{expm1}', {
    spellings: ['torch.special.expm1'],
    exact: zeroAt(0, 0),
  }),
  erf: unaryFunction('erf', '\\operatorname{erf}', {
    spellings: ['torch.special.erf'],
    exact: zeroAt(0, 0),
  }),
  // torch.nn.functional only: torch has no top-level silu or gelu.
  silu: {
    rule: 'silu',
    arity: 1,
    spellings: ['F.silu', 'torch.nn.functional.silu'],
    latex: '\\operatorname{silu}',
    torch: 'F.silu',
    exact: zeroAt(0, 0),
  },
  gelu: {
    rule: 'gelu',
    arity: 1,
    spellings: ['F.gelu', 'torch.nn.functional.gelu'],
    latex: '\\operatorname{gelu}',
    // F.gelu's default approximate='none' is the exact erf form.
    torch: 'F.gelu',
    exact: zeroAt(0, 0),
  },
  // The piecewise-constant functions: PyTorch's gradient is 0 everywhere, at the jumps too.
  floor: unaryFunction('floor', (inner) => `\\left\\lfloor ${inner}\\right\\rfloor`, {
    exact: (a) => Math.floor(a),
  }),
  ceil: unaryFunction('ceil', (inner) => `\\left\\lceil ${inner}\\right\\rceil`, {
    exact: (a) => Math.ceil(a),
  }),
  round: {
    rule: 'round',
    arity: 1,
    // Python's round(x) also rounds a tie to even; math has no round.
    spellings: ['torch.round'],
    latex: '\\operatorname{round}',
    torch: 'torch.round',
    exact: (a) => roundHalfEven(a),
  },
  // sign(0) = 0: abs′ as PyTorch defines it, and what the derivative of abs is shown with.
  sign: {
    rule: 'sign',
    arity: 1,
    spellings: ['torch.sign', 'torch.sgn', 'sgn'],
    latex: '\\operatorname{sign}',
    torch: 'torch.sign',
    exact: (a) => torchSign(a),
  },
  /*
   * step(t) = 1 for t > 0 and 0 otherwise (step(0) = 0), relu′ as PyTorch defines it and what the
   * derivative of relu is shown with: torch.heaviside(t, torch.tensor(0.0)). heaviside has no backward in
   * PyTorch ("derivative for aten::heaviside is not implemented"), so a program writes it as
   * relu(sign(t)), the same values with sign's zero gradient, which is the app's.
   */
  step: {
    rule: 'step',
    arity: 1,
    spellings: ['heaviside'],
    latex: '\\operatorname{step}',
    torch: ([t]) => `torch.relu(torch.sign(${t?.asTensor}))`,
    exact: (a) => (a > 0 ? 1 : 0),
  },
  // frac(x) = x − trunc(x), with the sign of x; its gradient is 1 everywhere (DY frac: grad).
  frac: {
    rule: 'frac',
    arity: 1,
    spellings: ['torch.frac'],
    latex: '\\operatorname{frac}',
    torch: 'torch.frac',
    exact: (a) => (Number.isInteger(a) ? 0 : undefined),
  },
} as const satisfies Record<string, FunctionEntry>

export type FunctionName = keyof typeof FUNCTIONS
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[]

/** How a learner writes each function: `sin`, and `clamp(x,lo,hi)` for those of several arguments. */
export function usageOf(name: FunctionName): string {
  const entry: FunctionEntry = FUNCTIONS[name]
  return entry.parameters ? `${name}(${entry.parameters.join(',')})` : name
}

/** What any function of a formula needs to be printed and folded. */
export function printingOf(fn: FunctionName): Pick<FunctionEntry, 'latex' | 'torch' | 'exact'> {
  return FUNCTIONS[fn]
}

/** The function of the language that runs a rule, for writing a rule's formula as a formula. */
export const FUNCTION_OF_RULE: ReadonlyMap<ElementwiseOpName, FunctionName> = new Map(
  FUNCTION_NAMES.map((fn) => [FUNCTIONS[fn].rule, fn]),
)
