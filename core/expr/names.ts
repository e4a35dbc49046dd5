import { isVariableName } from '../protocol/guards'
import { FUNCTION_NAMES, FUNCTIONS, type FunctionName } from '../ops/catalog'

/** What a name written in an expression means. */
export type NameMeaning =
  | { kind: 'function'; fn: FunctionName }
  | { kind: 'constant'; name: 'pi' | 'e' }
  | { kind: 'variable'; name: string }

/** How many arguments each function takes. */
export function arityOf(fn: FunctionName): number {
  return FUNCTIONS[fn].arity
}

/**
 * Every spelling a learner may use for a function, from the catalog: the canonical names first, then
 * the `torch.`/`math.` forms of the same names, then the other spellings (`ln`, `F.relu`,
 * `torch.nn.functional.softplus`, `torch.clip`) — the order in which a typo's suggestion breaks ties.
 */
const FUNCTION_SPELLINGS: ReadonlyMap<string, FunctionName> = (() => {
  const table = new Map<string, FunctionName>()
  for (const fn of FUNCTION_NAMES) table.set(fn, fn)
  const prefixed = (fn: FunctionName, spelling: string): boolean =>
    spelling === `torch.${fn}` || spelling === `math.${fn}`
  for (const fn of FUNCTION_NAMES) {
    for (const spelling of FUNCTIONS[fn].spellings)
      if (prefixed(fn, spelling)) table.set(spelling, fn)
  }
  for (const fn of FUNCTION_NAMES) {
    for (const spelling of FUNCTIONS[fn].spellings) {
      if (!prefixed(fn, spelling)) table.set(spelling, fn)
    }
  }
  return table
})()

/** Every spelling of every function, for tests and help texts. */
export function functionSpellings(): ReadonlyMap<string, FunctionName> {
  return FUNCTION_SPELLINGS
}

const CONSTANT_SPELLINGS: ReadonlyMap<string, 'pi' | 'e'> = new Map([
  ['pi', 'pi'],
  ['π', 'pi'],
  ['e', 'e'],
  ['math.pi', 'pi'],
  ['torch.pi', 'pi'],
  ['math.e', 'e'],
])

export function resolveName(text: string): NameMeaning | undefined {
  const fn = FUNCTION_SPELLINGS.get(text)
  if (fn) return { kind: 'function', fn }
  const constant = CONSTANT_SPELLINGS.get(text)
  if (constant) return { kind: 'constant', name: constant }
  if (isVariableName(text)) return { kind: 'variable', name: text }
  return undefined
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1
  const cols = b.length + 1
  const d: number[] = new Array<number>(rows * cols).fill(0)
  const at = (i: number, j: number): number => d[i * cols + j] ?? 0
  for (let i = 0; i < rows; i++) d[i * cols] = i
  for (let j = 0; j < cols; j++) d[j] = j
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, at(i - 2, j - 2) + 1)
      }
      d[i * cols + j] = best
    }
  }
  return at(rows - 1, cols - 1)
}

/**
 * The known function spelling closest to `name`, if it is close enough to be a typo: at most one edit for
 * short names, and at most a third of the name's length for longer ones. For a dotted name (`torch.sine`)
 * both the whole name and its last part are compared.
 */
export function suggestFunction(name: string): string | undefined {
  const lastPart = name.slice(name.lastIndexOf('.') + 1)
  let best: { spelling: string; distance: number } | undefined
  for (const spelling of FUNCTION_SPELLINGS.keys()) {
    const distance = Math.min(
      editDistance(name.toLowerCase(), spelling.toLowerCase()),
      // A match of the whole dotted name wins a tie: `torch.sine` → `torch.sin`, not `sin`.
      lastPart === name
        ? Infinity
        : editDistance(lastPart.toLowerCase(), spelling.toLowerCase()) + 0.5,
    )
    if (!best || distance < best.distance) best = { spelling, distance }
  }
  if (!best) return undefined
  const allowed = Math.max(1, Math.floor(name.length / 3))
  return best.distance <= allowed ? best.spelling : undefined
}

/** Splits a run of letters into the names it could be a product of: `2pix` style runs, `uv` → u, v. */
function splitIntoFactors(letters: string): string[] {
  const factors: string[] = []
  for (let i = 0; i < letters.length; i++) {
    if (letters.startsWith('pi', i)) {
      factors.push('pi')
      i++
    } else {
      factors.push(letters[i] ?? '')
    }
  }
  return factors
}

/**
 * What a run of letters that is not a known name most likely meant, written in the language:
 * `sinx` → `sin(x)` (a function name glued to its argument), `uv` → `u*v` (a product written without `*`).
 * Returns undefined for names that are not plain ASCII letters (dotted names, for instance).
 */
export function suggestForUnknownName(name: string): string | undefined {
  if (!/^[A-Za-z]+$/.test(name)) return undefined
  for (const spelling of [...FUNCTION_SPELLINGS.keys()].sort((a, b) => b.length - a.length)) {
    if (spelling.includes('.') || !name.startsWith(spelling) || name.length === spelling.length) {
      continue
    }
    const fn = FUNCTION_SPELLINGS.get(spelling)
    const rest = name.slice(spelling.length)
    if (fn && arityOf(fn) === 1) return `${spelling}(${splitIntoFactors(rest).join('*')})`
  }
  return splitIntoFactors(name).join('*')
}
