/**
 * The one-sided derivative lim_{h→0±} g(v + h) of a derivative g that autograd evaluates anywhere: two
 * Richardson steps (2·g(v ± h) − g(v ± 2h) cancels the O(h) term of a smooth branch) at h and h/100, which
 * agree on a finite limit and disagree where g diverges (1/(2√x) at 0⁺ grows ten times over that range).
 * Computed from autograd's own numbers on each side, never from a table.
 */
export function oneSidedDerivative(
  gradientAt: (at: number) => number,
  at: number,
  side: -1 | 1,
): number {
  const h = 1e-6 * Math.max(1, Math.abs(at))
  const extrapolated = (step: number) =>
    2 * gradientAt(at + side * step) - gradientAt(at + side * 2 * step)
  const coarse = extrapolated(h)
  const fine = extrapolated(h / 100)
  if (!Number.isFinite(coarse) || !Number.isFinite(fine)) return gradientAt(at + (side * h) / 100)
  if (Math.abs(coarse - fine) > 1e-4 * Math.max(1, Math.abs(coarse))) {
    return Math.sign(fine) * Infinity
  }
  return Math.abs(fine) < 1e-9 ? 0 : Number(fine.toPrecision(9))
}

/** Whether two one-sided derivatives are different numbers (NaN on a side differs from anything). */
export function differ(left: number, right: number): boolean {
  if (Number.isNaN(left) || Number.isNaN(right)) return !(Number.isNaN(left) && Number.isNaN(right))
  if (!Number.isFinite(left) || !Number.isFinite(right)) return left !== right
  return Math.abs(left - right) > 1e-6 * Math.max(1, Math.abs(left), Math.abs(right))
}
