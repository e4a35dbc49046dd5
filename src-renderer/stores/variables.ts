import { defineStore } from 'pinia'
import { computed, ref, watch } from 'vue'
import type { Variable } from '../../core/protocol/api'
import { useExpressionStore } from './expression'
import { rangeProblem } from './slider-fields'

export interface SliderState {
  value: number
  min: number
  max: number
  step: number
}

/** The lab's starting point: x = 2 for the single-variable steps, u = 1 and v = 2 for f = uv + u². */
export const ALWAYS_SHOWN: readonly Variable[] = ['x', 'u', 'v']
const STARTING_VALUES: Record<Variable, number> = { x: 2, u: 1, v: 2 }

export function defaultSlider(name: Variable): SliderState {
  return { value: STARTING_VALUES[name] ?? 1, min: -5, max: 5, step: 0.1 }
}

/** One slider per variable: x, u and v always, plus any other letter the function uses. */
export const useVariablesStore = defineStore('variables', () => {
  const expression = useExpressionStore()
  const sliders = ref<Record<Variable, SliderState>>({})
  const chosenWrt = ref<Variable>('x')

  const shown = computed<Variable[]>(() => {
    const extra = expression.variables.filter((name) => !ALWAYS_SHOWN.includes(name)).sort()
    return [...ALWAYS_SHOWN, ...extra]
  })

  /** The slider of a variable, created with the lab's defaults the first time it is needed. */
  function slider(name: Variable): SliderState {
    sliders.value[name] ??= defaultSlider(name)
    return sliders.value[name]
  }
  // Every shown variable has its slider before anything reads it (computeds must not create state).
  watch(shown, (names) => names.forEach(slider), { immediate: true })

  /** The point the function is evaluated at: every shown slider's value. */
  const point = computed(() =>
    Object.fromEntries(
      shown.value.map((name) => [name, (sliders.value[name] ?? defaultSlider(name)).value]),
    ),
  )

  /** The plotted variable; a letter that left the function falls back to x. */
  const wrt = computed(() => (shown.value.includes(chosenWrt.value) ? chosenWrt.value : 'x'))

  // A new function that does not use the plotted letter would show a flat slice: plot its first letter.
  watch(
    () => expression.variables,
    (used) => {
      const first = used[0]
      if (first !== undefined && !used.includes(chosenWrt.value)) chosenWrt.value = first
    },
  )

  function setValue(name: Variable, value: number): void {
    if (!Number.isFinite(value)) return
    const state = slider(name)
    state.value = value
    // Typing a value outside the range widens the range rather than refusing the value.
    if (value < state.min) state.min = value
    if (value > state.max) state.max = value
  }

  /** A range refused by rangeProblem (min ≥ max, narrower than the step) changes nothing. */
  function setRange(name: Variable, min: number, max: number): boolean {
    const state = slider(name)
    if (!Number.isFinite(min) || !Number.isFinite(max)) return false
    if (rangeProblem(min, max, state.step) !== null) return false
    state.min = min
    state.max = max
    state.value = Math.min(max, Math.max(min, state.value))
    return true
  }

  function setStep(name: Variable, step: number): boolean {
    const state = slider(name)
    if (!Number.isFinite(step) || rangeProblem(state.min, state.max, step) !== null) return false
    state.step = step
    return true
  }

  function setWrt(name: Variable): void {
    chosenWrt.value = name
  }

  return { sliders, shown, point, wrt, chosenWrt, slider, setValue, setRange, setStep, setWrt }
})
