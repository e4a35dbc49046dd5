import type { LessonStep } from '../lessons/types'

/**
 * What a lab step's cell starts with, and how a practice step reads a code answer.
 */

/**
 * A step's cell as first shown: the lab's code; for a practice step only the tensors it creates and what
 * is left to write, since the rest of the lab's cell is the answer.
 */
export function startingSource(step: LessonStep): string {
  if (!step.practice) return step.torch
  const given = step.torch.split('\n').filter((line) => /=\s*torch\.tensor\(/.test(line))
  return [
    ...given,
    '# Your turn: build the function from these tensors, call backward(),',
    `# and print the gradient, for example print(${step.practice.variable}.grad)`,
  ].join('\n')
}

const NUMBER = String.raw`-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`

/**
 * The gradient a cell printed: the last scalar tensor in its stdout (`tensor(13.)`), or else the last
 * number of its last line (`print(x.grad.item())` prints `13.0`). Null when it printed no number.
 */
export function printedGradient(stdout: string): number | null {
  const tensors = [...stdout.matchAll(new RegExp(String.raw`tensor\((${NUMBER})[,)]`, 'g'))]
  const last = tensors.at(-1)?.[1]
  if (last !== undefined) return Number(last)
  const lines = stdout.trimEnd().split('\n')
  const numbers = [...(lines.at(-1) ?? '').matchAll(new RegExp(NUMBER, 'g'))]
  const tail = numbers.at(-1)?.[0]
  return tail === undefined ? null : Number(tail)
}

/** The lab's cells assume its "Preparation" cell ran: each step's namespace runs it first. */
export const labSession = (stepId: string) => `lab-${stepId}`
