import { typeError } from './errors'
import type { PyValue } from './values'

/**
 * Binds a call's arguments to a builtin's parameters as Python does, with PyTorch's wording for the
 * mistakes: too many positional arguments, an unknown keyword, a missing required argument.
 */
export function bind(
  fn: string,
  args: PyValue[],
  kwargs: Map<string, PyValue>,
  positional: readonly string[],
  required: number,
  keywordOnly: readonly string[] = [],
): Map<string, PyValue> {
  if (args.length > positional.length)
    throw typeError(
      `${fn}() takes ${positional.length === required ? '' : 'from ' + required + ' to '}${positional.length} positional argument${positional.length === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`,
    )
  const bound = new Map<string, PyValue>()
  args.forEach((value, i) => bound.set(positional[i]!, value))
  for (const [name, value] of kwargs) {
    if (!positional.includes(name) && !keywordOnly.includes(name))
      throw typeError(`${fn}() got an unexpected keyword argument '${name}'`)
    if (bound.has(name)) throw typeError(`${fn}() got multiple values for argument '${name}'`)
    bound.set(name, value)
  }
  const missing = positional.slice(0, required).filter((name) => !bound.has(name))
  if (missing.length > 0)
    throw typeError(
      `${fn}() missing ${missing.length} required positional arguments: ${missing.map((m) => `"${m}"`).join(', ')}`,
    )
  return bound
}

export function boolArg(
  fn: string,
  name: string,
  value: PyValue | undefined,
  otherwise: boolean,
): boolean {
  if (value === undefined || value === null) return otherwise
  if (typeof value === 'boolean') return value
  if (typeof value === 'bigint') return value !== 0n
  throw typeError(
    `${fn}(): argument '${name}' must be bool, not ${typeof value === 'number' ? 'float' : typeof value === 'string' ? 'str' : 'object'}`,
  )
}
