/**
 * A number as JavaScript source that evaluates to exactly that number: String() round-trips every finite
 * double; the rest are spelled out. Parenthesized so a negative literal composes inside any template.
 */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return '(NaN)'
  if (value === Infinity) return '(Infinity)'
  if (value === -Infinity) return '(-Infinity)'
  if (Object.is(value, -0)) return '(-0)'
  return `(${String(value)})`
}
