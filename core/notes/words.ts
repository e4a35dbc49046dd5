/**
 * A number as a note's sentence writes it: up to 6 significant digits, a true minus, ∞ and NaN spelled as
 * the values panel spells them (the picture's formatter is not the engine's to import).
 */
export function shown(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞'
  if (Math.abs(value) < 1e-12) return '0'
  const magnitude = Math.abs(value)
  const text =
    magnitude >= 1e6 || magnitude < 1e-4
      ? value.toExponential(5).replace(/\.?0+e/, 'e')
      : String(Number(value.toPrecision(6)))
  return text.replace('-', '−')
}
