/**
 * The one-sided derivatives lim_{h→0±} g(v + h) of a derivative g that autograd evaluates at many
 * positions at once: two Richardson steps per side (2·g(v ± h) − g(v ± 2h) cancels the O(h) term of a
 * smooth branch) at h and h/100, which agree on a finite limit and disagree where g diverges
 * (1/(2√x) at 0⁺ grows ten times over that range). Computed from autograd's numbers on each side, never
 * from a table.
 */
export function oneSidedDerivatives(
  gradients: (positions: Float64Array) => Float64Array,
  at: number,
): { left: number; right: number } {
  const h = 1e-6 * Math.max(1, Math.abs(at))
  const steps = [h, 2 * h, h / 100, h / 50]
  const positions = Float64Array.from([...steps.map((s) => at - s), ...steps.map((s) => at + s)])
  const g = gradients(positions)
  const side = (k: number) => limit(g[k]!, g[k + 1]!, g[k + 2]!, g[k + 3]!)
  return { left: side(0), right: side(4) }
}

function limit(atH: number, at2H: number, atFine: number, at2Fine: number): number {
  const coarse = 2 * atH - at2H
  const fine = 2 * atFine - at2Fine
  if (!Number.isFinite(coarse) || !Number.isFinite(fine)) return atFine
  if (Math.abs(coarse - fine) > 1e-4 * Math.max(1, Math.abs(coarse)))
    return Math.sign(fine) * Infinity
  return Math.abs(fine) < 1e-9 ? 0 : Number(fine.toPrecision(9))
}

/** Whether two one-sided derivatives are different numbers (NaN on a side differs from anything). */
export function differ(left: number, right: number): boolean {
  if (Number.isNaN(left) || Number.isNaN(right)) return !(Number.isNaN(left) && Number.isNaN(right))
  if (!Number.isFinite(left) || !Number.isFinite(right)) return left !== right
  return Math.abs(left - right) > 1e-6 * Math.max(1, Math.abs(left), Math.abs(right))
}
