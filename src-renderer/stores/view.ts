import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { isSampleCount } from '../../core/protocol/guards'
import { LIMITS } from '../../core/protocol/limits'
import type { Precision } from '../../core/protocol/api'

export const DEFAULT_DOMAIN: [number, number] = [-5, 5]
const SAMPLES_PER_PIXEL = 2

/** A number as a notice shows it: `1e9`, `−2.5`, `1e-6` (a true minus sign, no `e+`). */
function shownNumber(value: number): string {
  const magnitude = Math.abs(value)
  const text =
    magnitude >= 1e6 || (magnitude !== 0 && magnitude < 1e-4)
      ? value.toExponential().replace('e+', 'e')
      : String(value)
  return text.replace(/^-/, '\u2212')
}

/** Why the view would refuse this domain, as the end of a sentence about it; null when it takes it. */
export function domainProblem(min: number, max: number): string | null {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) return 'is not a valid range'
  const span = max - min
  if (!(span <= LIMITS.maxDomainWidth)) return `is wider than ${shownNumber(LIMITS.maxDomainWidth)}`
  if (span < LIMITS.minDomainWidth) return `is narrower than ${shownNumber(LIMITS.minDomainWidth)}`
  return null
}

/**
 * What to tell the learner when a restored plot (a PNG, the saved session) brings a domain the view
 * refuses: the rest is restored, so the notice names exactly what was not. Null when there is nothing
 * to say.
 */
export function unrestoredDomainNotice(domain: readonly [number, number]): string | null {
  const [min, max] = domain
  const problem = domainProblem(min, max)
  if (problem === null) return null
  return `The plotted range ${shownNumber(min)}…${shownNumber(max)} ${problem} and was not restored.`
}

/** What part of the plane the chart shows, and how finely the function is sampled for it. */
export const useViewStore = defineStore('view', () => {
  const domain = ref<[number, number]>([...DEFAULT_DOMAIN])
  /** A y-range the learner fixed; null means the range follows the data. */
  const yOverride = ref<[number, number] | null>(null)
  const showSecond = ref(false)
  /** "Check with finite differences": gradcheck's central differences in this precision, or off. */
  const finiteDifferences = ref<Precision | null>(null)
  const plotWidth = ref(800)
  /** A fixed sample count (a lab step's linspace, drawn as points); null follows the plot's width. */
  const fixedSamples = ref<number | null>(null)

  const samples = computed(
    () =>
      fixedSamples.value ??
      Math.round(
        Math.min(
          LIMITS.maxSamples,
          Math.max(LIMITS.minSamples, plotWidth.value * SAMPLES_PER_PIXEL),
        ),
      ),
  )

  function setFixedSamples(count: number | null): boolean {
    if (count !== null && !isSampleCount(count)) return false
    fixedSamples.value = count
    return true
  }

  function setDomain(min: number, max: number): boolean {
    if (domainProblem(min, max) !== null) return false
    domain.value = [min, max]
    return true
  }

  /** factor < 1 zooms in. `anchor` (a value of the plotted variable) stays where it is on screen. */
  function zoom(factor: number, anchor?: number): void {
    const [min, max] = domain.value
    const center = anchor ?? (min + max) / 2
    setDomain(center - (center - min) * factor, center + (max - center) * factor)
  }

  /** Moves the view by a fraction of its width (positive: towards larger values). */
  function pan(fraction: number): void {
    const [min, max] = domain.value
    const shift = (max - min) * fraction
    setDomain(min + shift, max + shift)
  }

  function setYOverride(range: [number, number] | null): boolean {
    if (range && !(Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[0] < range[1]))
      return false
    yOverride.value = range
    return true
  }

  function reset(): void {
    domain.value = [...DEFAULT_DOMAIN]
    yOverride.value = null
  }

  function setPlotWidth(pixels: number): void {
    if (Number.isFinite(pixels) && pixels > 0) plotWidth.value = pixels
  }

  return {
    domain,
    yOverride,
    showSecond,
    finiteDifferences,
    plotWidth,
    fixedSamples,
    samples,
    setFixedSamples,
    setDomain,
    zoom,
    pan,
    setYOverride,
    reset,
    setPlotWidth,
  }
})
