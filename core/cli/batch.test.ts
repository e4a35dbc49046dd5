import { describe, expect, it } from 'vitest'
import { diagnostic } from '../protocol/diagnostics'
import { fail, ok } from '../protocol/result'
import { answerBatchLine, type Gradient } from './batch'

/** A stand-in for the core: squares x, or refuses anything but 'x^2'. */
const square: Gradient = ({ expression, point }) =>
  expression === 'x^2'
    ? ok({ variables: ['x'], value: point.x! ** 2, gradient: { x: 2 * point.x! }, notes: [] })
    : fail(diagnostic('unknown-name', 'not x^2', [0, expression.length]))

describe('answerBatchLine', () => {
  it('answers value and grad', async () => {
    expect(await answerBatchLine('{"expr": "x^2", "at": {"x": 3}}', square)).toBe(
      '{"value":9,"grad":{"x":6},"notes":[]}',
    )
  })

  it('reports every variable given: one the expression does not use has grad null', async () => {
    const constant: Gradient = () => ok({ variables: [], value: 1, gradient: {}, notes: [] })
    expect(await answerBatchLine('{"expr": "1", "at": {"x": 2}}', constant)).toBe(
      '{"value":1,"grad":{"x":null},"notes":[]}',
    )
  })

  it('writes non-finite numbers as strings', async () => {
    const infinite: Gradient = () =>
      ok({ variables: ['x'], value: NaN, gradient: { x: -Infinity }, notes: [] })
    expect(await answerBatchLine('{"expr": "x", "at": {"x": 0}}', infinite)).toBe(
      '{"value":"NaN","grad":{"x":"-Infinity"},"notes":[]}',
    )
  })

  it.each([
    ['{"expr": ', 'invalid-request', "Invalid request: 'line' is not valid JSON."],
    ['', 'invalid-request', "Invalid request: 'line' is not valid JSON."],
    [
      '[1]',
      'invalid-request',
      `Invalid request: 'line' must be an object like {"expr": "x^2", "at": {"x": 2}}.`,
    ],
    ['{"at": {"x": 1}}', 'invalid-request', "Invalid request: 'expr' must be a string."],
    [
      '{"expr": "x^2", "at": {"x": "2"}}',
      'invalid-request',
      "Invalid request: 'at.x' must be a finite number.",
    ],
    [
      '{"expr": "x^2", "at": {}, "more": 1}',
      'invalid-request',
      "Invalid request: 'more' is not a known field.",
    ],
    ['{"expr": "y", "at": {"y": 1}}', 'unknown-name', 'not x^2'],
  ])('turns %j into an error line', async (line, code, message) => {
    const answer = JSON.parse(await answerBatchLine(line, square)) as {
      error: { code: string; message: string }
    }
    expect(answer.error.code).toBe(code)
    expect(answer.error.message).toBe(message)
  })

  it('puts code, message and span in an error line, nothing else', async () => {
    expect(JSON.parse(await answerBatchLine('{"expr": "y", "at": {}}', square))).toEqual({
      error: { code: 'unknown-name', message: 'not x^2', span: [0, 1] },
    })
  })
})
