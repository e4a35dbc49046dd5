import { computed, onBeforeUnmount, reactive, ref, watch, type ComputedRef } from 'vue'
import type { ChartScene } from '../../core/picture/chart-config'
import { evenIndices, signChanges, summarize } from '../../core/picture/describe'
import { formatNumber } from '../../core/picture/format'
import {
  AudioTrace,
  browserAudioContext,
  type ToneContext,
  type TraceSample,
} from '../audio/audio-trace'
import { useEvaluationStore } from '../stores/evaluation'
import { useLabPracticeStore } from '../stores/lab-practice'

/** How many samples the table lists and the arrow keys step through: every 2 % of the range. */
export const TRACE_SAMPLES = 51
const BIG_STEP = 10

/**
 * The plot for whoever cannot see it: a summary in words, an even selection of the samples (the table,
 * and the positions of the audio trace), and the audio trace's keys on the focused plot, as Desmos has
 * them: T turns the trace on or off; then ← → step through the samples (Shift: ten at a time), Home and
 * End jump to the ends, P or Space plays the whole curve, Escape leaves. Each step sounds f's pitch and
 * is announced in words. While a practice question is open, the slopes are left out as everywhere else.
 */
export function usePlotTrace(
  scene: ComputedRef<ChartScene | null>,
  createContext: () => ToneContext | null = browserAudioContext,
) {
  const evaluation = useEvaluationStore()
  const practice = useLabPracticeStore()
  const audio = new AudioTrace(createContext)
  const index = ref(0)
  const active = ref(false)
  const playing = ref(false)
  const announcement = ref('')

  const hideSlope = computed(() => practice.hides(evaluation.answered?.expression))
  const wrt = computed(() => evaluation.answered?.wrt ?? 'x')
  const samples = computed<TraceSample[]>(() => {
    const series = evaluation.result?.series
    if (!series) return []
    return evenIndices(series.t.length, TRACE_SAMPLES).map((i) => ({
      x: series.t[i] as number,
      f: series.f[i] as number,
      df: series.df[i] as number,
    }))
  })
  const turning = computed(() => new Set(signChanges(samples.value.map((sample) => sample.df))))
  const yRange = computed(() => scene.value?.yRange ?? ([0, 1] as const))

  const summary = computed(() => {
    const result = evaluation.result
    const request = evaluation.answered
    if (!result || !request) return 'No plot yet.'
    const x = request.point[request.wrt]
    return summarize({
      expression: request.expression,
      wrt: request.wrt,
      domain: request.domain,
      series: result.series,
      point:
        x === undefined
          ? null
          : { x, f: result.value, slope: hideSlope.value ? null : result.tangent.slope },
    })
  })

  function describeSample(at: number): string {
    const sample = samples.value[at]
    if (!sample) return ''
    const parts = [
      `${wrt.value} = ${formatNumber(sample.x, 4)}`,
      `f = ${formatNumber(sample.f, 4)}`,
    ]
    if (!hideSlope.value) parts.push(`f′ = ${formatNumber(sample.df, 4)}`)
    const direction =
      sample.df > 0 ? 'rising' : sample.df < 0 ? 'falling' : sample.df === 0 ? 'flat' : 'undefined'
    parts.push(turning.value.has(at) ? `${direction}, turning point` : direction)
    return `Sample ${at + 1} of ${samples.value.length}: ${parts.join(', ')}`
  }

  function moveTo(next: number): void {
    const last = samples.value.length - 1
    if (last < 0) return
    index.value = Math.min(last, Math.max(0, next))
    const sample = samples.value[index.value] as TraceSample
    audio.playSample(sample, yRange.value, turning.value.has(index.value))
    playing.value = false
    announcement.value = describeSample(index.value)
  }

  function togglePlay(): void {
    if (audio.isPlaying && playing.value) {
      audio.stop()
      playing.value = false
      announcement.value = 'Stopped.'
      return
    }
    if (samples.value.length === 0) return
    audio.play(samples.value, yRange.value, () => {
      playing.value = false
      announcement.value = 'Played to the end.'
    })
    playing.value = audio.isPlaying
    const [from, to] = [samples.value[0]?.x ?? 0, samples.value.at(-1)?.x ?? 0]
    announcement.value = `Playing f from ${wrt.value} = ${formatNumber(from, 4)} to ${formatNumber(to, 4)}: higher pitch, higher f; a tick where the slope changes sign.`
  }

  function setActive(on: boolean): void {
    active.value = on
    audio.stop()
    playing.value = false
    announcement.value = on
      ? `Audio trace on. Left and right arrows step through ${samples.value.length} samples, Home and End jump to the ends, P plays the whole curve, Escape leaves.`
      : 'Audio trace off.'
  }

  /** Handles a key on the focused plot; true when it was the trace's (the pan and zoom keys then wait). */
  function onKeydown(event: KeyboardEvent): boolean {
    if (event.ctrlKey || event.metaKey || event.altKey) return false
    const key = event.key
    if (key === 't' || key === 'T') {
      setActive(!active.value)
    } else if (!active.value) {
      return false
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const size = event.shiftKey ? BIG_STEP : 1
      moveTo(index.value + (key === 'ArrowLeft' ? -size : size))
    } else if (key === 'Home') {
      moveTo(0)
    } else if (key === 'End') {
      moveTo(samples.value.length - 1)
    } else if (key === 'p' || key === 'P' || key === ' ') {
      togglePlay()
    } else if (key === 'Escape') {
      setActive(false)
    } else {
      return false
    }
    event.preventDefault()
    return true
  }

  // A new function or range keeps the trace's position inside the new samples.
  watch(samples, (next) => {
    if (index.value > next.length - 1) index.value = Math.max(0, next.length - 1)
  })
  onBeforeUnmount(() => audio.stop())

  return reactive({
    samples,
    turning,
    hideSlope,
    wrt,
    summary,
    index,
    active,
    playing,
    announcement,
    onKeydown,
    togglePlay,
  })
}

export type PlotTrace = ReturnType<typeof usePlotTrace>
