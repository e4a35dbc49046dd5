import type { FunctionName } from './catalog'

/**
 * Where a function of the catalog is not smooth, as data next to the catalog: adding an op's kink or jump
 * is one entry here. The conventions quoted are PyTorch's tools/autograd/derivatives.yaml (1.13), which
 * core/autograd/rules*.ts implement; core/notes/ reads this table to say so at the point and along the plot.
 */
export interface SwitchEntry {
  /** `kink`: f is continuous and its derivative jumps; `jump`: f itself jumps (a step function). */
  readonly kind: 'kink' | 'jump'
  /**
   * Which branch the arguments select, as a number: the op switches where it changes. Exact ties (the
   * switching point itself) get their own value, so a sample on the switch is told from its neighbours.
   */
  readonly branch: (args: readonly number[]) => number
  /** Whether these arguments sit exactly on a switch. */
  readonly on: (args: readonly number[]) => boolean
  /** What autograd returns on the switch, and the derivatives.yaml entry that makes it so. */
  readonly convention: string
}

const sign = (a: number) => Math.sign(a)
const arg = (args: readonly number[], k: number) => args[k] ?? NaN

export const SWITCHES: Partial<Record<FunctionName, SwitchEntry>> = {
  abs: {
    kind: 'kink',
    branch: ([a]) => sign(a ?? NaN),
    on: ([a]) => a === 0,
    convention:
      'PyTorch takes abs′(0) = 0: derivatives.yaml has abs: grad * self.sgn(), and sgn(0) = 0',
  },
  relu: {
    kind: 'kink',
    branch: ([a]) => sign(a ?? NaN),
    on: ([a]) => a === 0,
    convention:
      'PyTorch takes relu′(0) = 0: derivatives.yaml has relu: threshold_backward(grad, result, 0), which passes the gradient only where relu(x) > 0',
  },
  max: {
    kind: 'kink',
    branch: (args) => sign(arg(args, 0) - arg(args, 1)),
    on: (args) => arg(args, 0) === arg(args, 1),
    convention:
      'PyTorch gives each side of a tie half the gradient: derivatives.yaml has maximum: at::where(self == other, grad / 2, grad), which splits a tie evenly',
  },
  min: {
    kind: 'kink',
    branch: (args) => sign(arg(args, 0) - arg(args, 1)),
    on: (args) => arg(args, 0) === arg(args, 1),
    convention:
      'PyTorch gives each side of a tie half the gradient: derivatives.yaml has minimum: at::where(self == other, grad / 2, grad), which splits a tie evenly',
  },
  clamp: {
    kind: 'kink',
    branch: (args) => sign(arg(args, 0) - arg(args, 1)) + sign(arg(args, 0) - arg(args, 2)),
    on: (args) => arg(args, 0) === arg(args, 1) || arg(args, 0) === arg(args, 2),
    convention:
      'PyTorch passes the gradient on a bound: derivatives.yaml has clamp: clamp_backward(grad, self, min, max), which passes the gradient where min ≤ x ≤ max, bounds included',
  },
  // The step functions: f itself jumps, and PyTorch's gradient is 0 (1 for frac) on both sides and on
  // the jump (derivatives.yaml: floor, ceil, round, sign: zeros_like(grad); frac: grad).
  floor: {
    kind: 'jump',
    branch: ([a]) => Math.floor(a ?? NaN),
    on: ([a]) => Number.isInteger(a),
    convention:
      'PyTorch returns 0: derivatives.yaml has floor: zeros_like(grad), 0 on the jump too',
  },
  ceil: {
    kind: 'jump',
    branch: ([a]) => Math.ceil(a ?? NaN),
    on: ([a]) => Number.isInteger(a),
    convention: 'PyTorch returns 0: derivatives.yaml has ceil: zeros_like(grad), 0 on the jump too',
  },
  round: {
    kind: 'jump',
    // round jumps halfway between integers (to the even one, as torch.round does).
    branch: ([a]) => Math.floor((a ?? NaN) + 0.5),
    on: ([a]) => a !== undefined && a - Math.floor(a) === 0.5,
    convention:
      'PyTorch returns 0: derivatives.yaml has round: zeros_like(grad), 0 on the jump too',
  },
  sign: {
    kind: 'jump',
    branch: ([a]) => Math.sign(a ?? NaN),
    on: ([a]) => a === 0,
    convention: 'PyTorch returns 0: derivatives.yaml has sign: zeros_like(grad), 0 on the jump too',
  },
  step: {
    kind: 'jump',
    branch: ([a]) => Math.sign(a ?? NaN),
    on: ([a]) => a === 0,
    convention:
      'PyTorch returns 0: step runs as relu(sign(x)), and sign has zeros_like(grad) in derivatives.yaml',
  },
  frac: {
    kind: 'jump',
    // frac(x) = x − trunc(x) keeps the sign of x: continuous through 0, a jump at every other integer.
    branch: ([a]) => Math.trunc(a ?? NaN),
    on: ([a]) => Number.isInteger(a) && a !== 0,
    convention: 'PyTorch returns 1: derivatives.yaml has frac: grad, the slope of either side',
  },
}

/** A function's real domain, for saying why f is NaN or infinite (`outside-domain`, `pole`). */
export interface DomainEntry {
  /** Where f is finite. */
  readonly inside: (a: number) => boolean
  /** Where f is ±∞ (a pole on the edge of the domain), if anywhere. */
  readonly pole?: (a: number) => boolean
  /** The domain as a sentence ends: "x > 0". */
  readonly domain: string
}

const positive: DomainEntry = {
  inside: (a) => a > 0,
  pole: (a) => a === 0,
  domain: 'positive numbers',
}

export const DOMAINS: Partial<Record<FunctionName, DomainEntry>> = {
  log: positive,
  log2: positive,
  log10: positive,
  log1p: { inside: (a) => a > -1, pole: (a) => a === -1, domain: 'numbers above −1' },
  reciprocal: { inside: (a) => a !== 0, pole: (a) => a === 0, domain: 'numbers other than 0' },
  sqrt: { inside: (a) => a >= 0, domain: 'numbers ≥ 0' },
  asin: { inside: (a) => a >= -1 && a <= 1, domain: 'numbers from −1 to 1' },
  acos: { inside: (a) => a >= -1 && a <= 1, domain: 'numbers from −1 to 1' },
}
