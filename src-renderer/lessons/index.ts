import { differentiationInPytorch } from './differentiation-in-pytorch'
import type { Lab } from './types'

/** Every lab the app offers; adding one is adding its data file here (the panel offers a choice of labs). */
export const LABS: readonly Lab[] = [differentiationInPytorch]

export function labById(id: string): Lab | undefined {
  return LABS.find((lab) => lab.id === id)
}

export type { Lab, LessonPlot, LessonPractice, LessonStep, StatedValue } from './types'
