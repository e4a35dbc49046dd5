import fc from 'fast-check'

/**
 * Values an attacker (a compromised renderer, a crafted file, a damaged store) can hand a guard: huge key
 * counts, deep nesting, huge and sparse arrays, huge strings, and prototype tricks. Each is built once, on
 * first use, and shared: building a million keys costs more than refusing them.
 */
export const HOSTILE_KINDS = [
  'a million keys',
  'a million unknown fields beside valid ones',
  'nesting 100000 levels deep',
  'arrays nested 100000 levels deep',
  'ten million array items',
  'a sparse array of length 2^32 - 1',
  'a ten-million-character string',
  'a ten-million-character key',
  'a __proto__ key from JSON',
  'a getter that throws',
  'a Proxy that throws on ownKeys',
  'a Proxy that throws on every trap',
  'a revoked Proxy',
] as const

export type HostileKind = (typeof HOSTILE_KINDS)[number]

const throwing = (): never => {
  throw new Error('hostile trap')
}

function build(kind: HostileKind, base: Record<string, unknown>): unknown {
  switch (kind) {
    case 'a million keys':
      return manyKeys({})
    case 'a million unknown fields beside valid ones':
      return manyKeys({ ...base })
    case 'nesting 100000 levels deep': {
      let value: Record<string, unknown> = {}
      for (let i = 0; i < 100_000; i++) value = { a: value }
      return value
    }
    case 'arrays nested 100000 levels deep': {
      let value: unknown[] = []
      for (let i = 0; i < 100_000; i++) value = [value]
      return value
    }
    case 'ten million array items':
      return new Array<number>(10_000_000).fill(1)
    case 'a sparse array of length 2^32 - 1': {
      const sparse: unknown[] = []
      sparse.length = 2 ** 32 - 1
      sparse[5] = 1
      return sparse
    }
    case 'a ten-million-character string':
      return 'x'.repeat(10_000_000)
    case 'a ten-million-character key':
      return { ...base, ['k'.repeat(10_000_000)]: 1 }
    case 'a __proto__ key from JSON':
      return JSON.parse(
        `{"__proto__": {"polluted": 1}, "constructor": {"prototype": {}}}`,
      ) as unknown
    case 'a getter that throws':
      return Object.defineProperty({ ...base }, Object.keys(base)[0] ?? 'value', {
        enumerable: true,
        get: throwing,
      })
    case 'a Proxy that throws on ownKeys':
      return new Proxy({ ...base }, { ownKeys: throwing })
    case 'a Proxy that throws on every trap':
      return new Proxy(
        { ...base },
        {
          get: throwing,
          has: throwing,
          ownKeys: throwing,
          getOwnPropertyDescriptor: throwing,
          getPrototypeOf: throwing,
          defineProperty: throwing,
          set: throwing,
        },
      )
    case 'a revoked Proxy': {
      const { proxy, revoke } = Proxy.revocable({ ...base }, {})
      revoke()
      return proxy
    }
  }
}

function manyKeys(target: Record<string, unknown>): Record<string, unknown> {
  for (let i = 0; i < 1_000_000; i++) target[`k${i}`] = i
  return target
}

const cache = new Map<string, unknown>()
const USES_BASE: ReadonlySet<HostileKind> = new Set<HostileKind>([
  'a million unknown fields beside valid ones',
  'a ten-million-character key',
  'a getter that throws',
  'a Proxy that throws on ownKeys',
  'a Proxy that throws on every trap',
  'a revoked Proxy',
])

/**
 * The hostile value of this kind. `base` (the valid fields of the guarded object) is kept where the kind
 * allows it, so the trick is not refused merely for a missing field.
 */
export function hostile(kind: HostileKind, base: Record<string, unknown> = {}): unknown {
  const key = USES_BASE.has(kind) ? `${kind}\u0000${JSON.stringify(base)}` : kind
  if (!cache.has(key)) cache.set(key, build(kind, base))
  return cache.get(key)
}

/** A hostile kind, for fast-check to combine with valid fields. */
export const hostileKind = (): fc.Arbitrary<HostileKind> => fc.constantFrom(...HOSTILE_KINDS)

/** Runs `guard` and measures it: the bound only catches a hang; speed targets belong in benchmarks. */
export function timed<T>(guard: () => T): { result: T; ms: number } {
  const start = Date.now()
  const result = guard()
  return { result, ms: Date.now() - start }
}

/** Generous: a guard that hangs or walks ten million items fails it; a slow machine does not. */
export const HANG_MS = 5000

/** For a test that builds hostile values: building a million keys is slow on a shared machine. */
export const BUILD_TIMEOUT_MS = 60_000
