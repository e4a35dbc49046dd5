import { cPow, powScalar } from './scalar'

/**
 * Writes f(a[i], b[i]) into out[i], broadcasting: `a` or `b` may hold one value standing for every i.
 * Each op has its three cases written out (both full, scalar-left, scalar-right) so the hot loops index
 * plain arrays with no stride arithmetic and no call through a shared function.
 */
export type BinaryKernel = (out: Float64Array, a: Float64Array, b: Float64Array) => void

export const binaryKernels = {
  add: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x + b[i]!
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! + y
    }
  },
  sub: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x - b[i]!
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! - y
    }
  },
  mul: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x * b[i]!
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! * y
    }
  },
  div: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! / b[i]!
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x / b[i]!
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! / y
    }
  },
  pow: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = cPow(a[i]!, b[i]!)
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = cPow(x, b[i]!)
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = cPow(a[i]!, y)
    }
  },
  // The exponent is one value (a Python number in PyTorch), so one branch of powScalar runs throughout.
  powScalar: (out, a, b) => {
    const n = out.length
    const exponent = b[0]!
    if (a.length === n) {
      for (let i = 0; i < n; i++) out[i] = powScalar(a[i]!, exponent)
    } else {
      out.fill(powScalar(a[0]!, exponent))
    }
  },
  minimum: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i]!, b[i]!)
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = Math.min(x, b[i]!)
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = Math.min(a[i]!, y)
    }
  },
  maximum: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i]!, b[i]!)
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = Math.max(x, b[i]!)
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = Math.max(a[i]!, y)
    }
  },
  gt: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! > b[i]! ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x > b[i]! ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! > y ? 1 : 0
    }
  },
  ge: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! >= b[i]! ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x >= b[i]! ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! >= y ? 1 : 0
    }
  },
  lt: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! < b[i]! ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x < b[i]! ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! < y ? 1 : 0
    }
  },
  le: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! <= b[i]! ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x <= b[i]! ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! <= y ? 1 : 0
    }
  },
  eq: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! === b[i]! ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x === b[i]! ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! === y ? 1 : 0
    }
  },
  logicalAnd: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! !== 0 && b[i]! !== 0 ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x !== 0 && b[i]! !== 0 ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! !== 0 && y !== 0 ? 1 : 0
    }
  },
  logicalOr: (out, a, b) => {
    const n = out.length
    if (a.length === n && b.length === n) {
      for (let i = 0; i < n; i++) out[i] = a[i]! !== 0 || b[i]! !== 0 ? 1 : 0
    } else if (b.length === n) {
      const x = a[0]!
      for (let i = 0; i < n; i++) out[i] = x !== 0 || b[i]! !== 0 ? 1 : 0
    } else {
      const y = b[0]!
      for (let i = 0; i < n; i++) out[i] = a[i]! !== 0 || y !== 0 ? 1 : 0
    }
  },
} satisfies Record<string, BinaryKernel>
