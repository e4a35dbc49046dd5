/**
 * Keyboard steps of a slider: arrows and Page keys move by one step, Shift makes it ten, Alt a tenth. The
 * result is rounded to the step's precision so repeated steps never drift to 2.0000000000000004.
 */
const DIRECTIONS: Record<string, number> = {
  ArrowRight: 1,
  ArrowUp: 1,
  PageUp: 10,
  ArrowLeft: -1,
  ArrowDown: -1,
  PageDown: -10,
}

export function decimalsOf(step: number): number {
  if (!Number.isFinite(step) || step <= 0) return 0
  return Math.max(0, Math.ceil(-Math.log10(step) - 1e-9))
}

export function keyboardStep(
  key: string,
  modifiers: { shiftKey: boolean; altKey: boolean },
  value: number,
  step: number,
  [min, max]: readonly [number, number],
): number | null {
  if (key === 'Home') return min
  if (key === 'End') return max
  const direction = DIRECTIONS[key]
  if (direction === undefined) return null
  const scale = modifiers.shiftKey ? 10 : modifiers.altKey ? 0.1 : 1
  const size = step * scale
  const next = Math.min(max, Math.max(min, value + direction * size))
  return Number(next.toFixed(decimalsOf(size) + 1))
}
