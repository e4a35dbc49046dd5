import type { InterestPoint, Note, SliceMark } from '../protocol/api'
import type { PlotPoint } from './series'
import { formatNumber } from './format'

/** A point of a marker dataset, with the sentence its tooltip says (Chart.js keeps extra fields in raw). */
export interface MarkerPoint extends PlotPoint {
  label: string
}

/** What the chart marks besides the curves: the core's kinks and poles, and its points of interest. */
export interface SceneMarkers {
  /** Kinks and jumps on f, poles on the x-axis. */
  breaks: MarkerPoint[]
  /** f′ at a sample that lands exactly on a kink: PyTorch's convention, drawn apart from the line. */
  conventions: MarkerPoint[]
  /** The two one-sided tangent rays at the point when it sits on a kink; NaN separates them. */
  rays: PlotPoint[]
  interest: MarkerPoint[]
}

export const NO_MARKERS: SceneMarkers = { breaks: [], conventions: [], rays: [], interest: [] }

const INTEREST_WORDS: Record<InterestPoint['kind'], string> = {
  minimum: 'f′ = 0: a local minimum',
  maximum: 'f′ = 0: a local maximum',
  critical: 'f′ = 0, neither a minimum nor a maximum',
  zero: 'f = 0',
  inflection: 'f″ changes sign: an inflection point',
}

export function interestWords(kind: InterestPoint['kind']): string {
  return INTEREST_WORDS[kind]
}

function breakWords(mark: SliceMark, wrt: string): string {
  const where = `${wrt} = ${formatNumber(mark.at)}`
  if (mark.code === 'pole') return `pole at ${where} (${mark.op ?? 'f'})`
  if (mark.code === 'jump') return `jump of ${mark.op ?? 'f'} at ${where}`
  const sides = `left slope ${formatNumber(mark.left ?? NaN)}, right ${formatNumber(mark.right ?? NaN)}`
  return `kink of ${mark.op ?? 'f'} at ${where}: ${sides}`
}

/**
 * The markers of one answer of the core. `point` is where the point sits (x, f(x)); its kink note, if
 * any, gives the two rays, each a sixth of the domain long.
 */
export function markersOf(
  result: { marks: SliceMark[]; interest: InterestPoint[]; notes: Note[] },
  series: { df: Float64Array },
  wrt: string,
  point: PlotPoint | null,
  domain: readonly [number, number],
  yRange: readonly [number, number],
): SceneMarkers {
  const axisY = yRange[0] <= 0 && yRange[1] >= 0 ? 0 : yRange[0]
  const breaks = result.marks.map((mark) => ({
    x: mark.at,
    y: mark.code === 'pole' || !Number.isFinite(mark.value) ? axisY : mark.value,
    label: breakWords(mark, wrt),
  }))
  const conventions = result.marks.flatMap((mark) => {
    if (mark.code !== 'kink' || mark.sample === null) return []
    const grad = series.df[mark.sample] ?? NaN
    return [
      {
        x: mark.at,
        y: grad,
        label: `x.grad = ${formatNumber(grad)} at ${wrt} = ${formatNumber(mark.at)}: PyTorch's convention, not a slope`,
      },
    ]
  })
  const interest = result.interest.map((p) => ({
    x: p.at,
    y: p.value,
    label: `${interestWords(p.kind)} at (${formatNumber(p.at)}, ${formatNumber(p.value)})`,
  }))
  const kink = result.notes.find((note) => note.variable === wrt && note.code === 'kink')
  const rays: PlotPoint[] = []
  if (kink && point && Number.isFinite(point.y)) {
    const length = (domain[1] - domain[0]) / 6
    const { left = NaN, right = NaN } = kink
    if (Number.isFinite(left)) rays.push({ x: point.x - length, y: point.y - left * length }, point)
    rays.push({ x: point.x, y: NaN })
    if (Number.isFinite(right))
      rays.push(point, { x: point.x + length, y: point.y + right * length })
  }
  return { breaks, conventions, rays, interest }
}
