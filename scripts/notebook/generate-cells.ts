/**
 * Random notebook programs for the differential test: expressions over the supported ops, on scalars and
 * linspace vectors, in float32 and float64, with backward (the sum trick for vectors), repeated backward
 * (.grad accumulating), zero_, detach, item and tolist. Seeded, so a failing program can be regenerated.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const UNARY = [
  'torch.sin',
  'torch.cos',
  'torch.exp',
  'torch.tanh',
  'torch.sigmoid',
  'torch.relu',
  'torch.atan',
  'torch.sinh',
  'F.softplus',
  'F.relu',
  'F.sigmoid',
]
/** Functions that need a positive argument get one: log(1 + x²), sqrt(1 + x²). */
const POSITIVE = ['torch.log', 'torch.sqrt']

/**
 * The wider set (`generateCell(seed, true)`): the other float functions whose float32 kernels are
 * PyTorch's (core/autograd/kernels/float32.ts). It never applies an F. function to a bare number:
 * F.sigmoid(3) is `(3).sigmoid()` in PyTorch, an AttributeError the notebook words differently.
 */
const UNARY_WIDE = [...UNARY, 'torch.erf', 'F.silu', 'torch.expm1', 'torch.tan', 'torch.log1p']
const POSITIVE_WIDE = [...POSITIVE, 'torch.log2', 'torch.log10']

export function generateCell(seed: number, wide = false): string {
  const unary = wide ? UNARY_WIDE : UNARY
  const positive = wide ? POSITIVE_WIDE : POSITIVE
  const random = mulberry32(seed)
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
  const constant = (): string =>
    pick(['2', '3', '0.5', '1.5', '2.0', '0.1', '10', '0.25', '1e-3', '7'])
  const expression = (depth: number): string => {
    if (depth <= 0 || random() < 0.25) return random() < 0.7 ? 'x' : constant()
    const choice = random()
    if (choice < 0.3) {
      const op = pick(unary)
      const inner = expression(depth - 1)
      return `${op}(${wide && op.startsWith('F.') && !inner.includes('x') ? 'x' : inner})`
    }
    if (choice < 0.4) return `${pick(positive)}(1 + ${expression(depth - 1)} ** 2)`
    if (choice < 0.5) return `${expression(depth - 1)} ** ${pick(['2', '3', '0.5', '-1', '2.0'])}`
    if (choice < 0.55)
      return `(${expression(depth - 1)}).${pick(['sin', 'exp', 'tanh', 'sigmoid', 'relu', 'abs'])}()`
    if (choice < 0.6) return `-${expression(depth - 1)}`
    const op = pick(['+', '-', '*', '/'])
    const left = expression(depth - 1)
    const right = op === '/' ? `(1 + ${expression(depth - 1)} ** 2)` : expression(depth - 1)
    return `(${left} ${op} ${right})`
  }
  const float64 = random() < 0.3
  const dtype = float64 ? ', dtype=torch.float64' : ''
  const vector = random() < 0.5
  const lines = ['import torch', 'import torch.nn.functional as F']
  if (random() < 0.1) lines.push('torch.set_default_dtype(torch.float64)')
  if (vector) {
    const lo = pick(['-3', '-10', '-1', '0', '-2.5'])
    const hi = pick(['3', '10', '1', '2', '4.5'])
    const n = pick(['5', '10', '7', '30', '100', '3'])
    lines.push(`x = torch.linspace(${lo}, ${hi}, ${n}, requires_grad=True${dtype})`)
  } else {
    lines.push(
      `x = torch.tensor(${pick(['2.0', '1.0', '-0.5', '0.3', '3.7', '0.0', '-2.0', '1e-5', '123.456'])}, requires_grad=True${dtype})`,
    )
  }
  const expr = expression(3)
  lines.push(`y = ${expr}`)
  lines.push('print(y)')
  const reduce = vector ? '.sum()' : ''
  lines.push(`y${reduce}.backward(${random() < 0.3 ? 'retain_graph=True' : ''})`)
  lines.push('print(x.grad)')
  const extra = random()
  if (extra < 0.25) {
    lines.push(`y = ${expr}`, `y${reduce}.backward()`, 'print(x.grad)')
  } else if (extra < 0.45) {
    lines.push(
      'x.grad.zero_()',
      'print(x.grad)',
      `y = ${expr}`,
      `y${reduce}.backward()`,
      'print(x.grad)',
    )
  } else if (extra < 0.55) {
    lines.push(`y${reduce}.backward()`)
  } else if (extra < 0.7) {
    lines.push(vector ? 'print(x.grad.tolist())' : 'print(x.grad.item(), y.item())')
  } else if (extra < 0.8) {
    lines.push('print(y.detach(), y.grad_fn is not None, x.is_leaf, y.is_leaf, y.requires_grad)')
  } else if (extra < 0.9) {
    lines.push(
      `print(f"{${vector ? 'y.sum()' : 'y'}:.3f}", f"{x.grad${vector ? '.sum()' : ''}.item():.5e}")`,
    )
  }
  return lines.join('\n') + '\n'
}
