import fc from 'fast-check'
import { parse } from '../../../core/expr'
import { analyze, evaluate, gradientAt } from '../../../core/evaluate/service'
import { LIMITS } from '../../../core/protocol/limits'
import { validateEvaluateRequest, validateGradientRequest } from '../../../core/protocol/validate'
import { spanlessTree } from '../../../core/test-support/expressions'
import { expressionText, parenthesisDepth, sliderValue } from '../generators/expressions'
import { finding, preview, resultFindings, type Entry, type Finding } from '../harness'

/**
 * What a learner types, through every function that reads it: parse, analyze (and its canonical text,
 * which must parse back to the same tree), gradientAt and evaluate (each through its validator, as every
 * transport calls them).
 */
export interface ExpressionInput {
  expression: string
  values: number[]
  wrtIndex: number
  samples: number
  secondDerivative: boolean
}

const sameTree = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

function checkParse(expression: string): { findings: Finding[]; tree: unknown } {
  const parsed = parse(expression)
  const findings: Finding[] = []
  if (parsed.ast === null && parsed.diagnostics.length === 0)
    findings.push(finding('notResult', 'parse-shape', 'parse: no tree and no diagnostic'))
  if (parsed.ast !== null && parsed.diagnostics.length > 0)
    findings.push(finding('notResult', 'parse-shape', 'parse: a tree and diagnostics'))
  findings.push(
    ...resultFindings(
      parsed.ast ? { ok: true, value: parsed.ast } : { ok: false, diagnostics: parsed.diagnostics },
      expression.length,
      'parse',
    ),
  )
  if (parsed.ast && expression.length > LIMITS.expressionLength)
    findings.push(finding('badAccepted', 'too-long', `parse accepted ${expression.length} chars`))
  if (parsed.ast && parenthesisDepth(expression) > LIMITS.nestingDepth)
    findings.push(finding('badAccepted', 'too-deep', 'parse accepted nesting past the limit'))
  return { findings, tree: parsed.ast ? spanlessTree(parsed.ast) : null }
}

function checkCanonical(canonical: string, tree: unknown): Finding[] {
  const again = parse(canonical)
  if (!again.ast) {
    const codes = again.diagnostics.map((d) => d.code).join(', ')
    return [
      finding(
        'dataLost',
        'canonical-round-trip',
        `canonical (${canonical.length} chars) refused: ${codes}`,
      ),
    ]
  }
  return sameTree(spanlessTree(again.ast), tree)
    ? []
    : [finding('dataLost', 'canonical-round-trip', 'canonical text parses to another tree')]
}

const inputs = (limitWeight: number): fc.Arbitrary<ExpressionInput> =>
  fc.record({
    expression: expressionText(limitWeight),
    values: fc.array(sliderValue(), { minLength: 8, maxLength: 8 }),
    wrtIndex: fc.nat({ max: 7 }),
    samples: fc.oneof(fc.constantFrom(2, 3, 16), fc.integer({ min: 2, max: 64 })),
    secondDerivative: fc.boolean(),
  })

const describe = (input: ExpressionInput) =>
  `${preview(input.expression)} values=${preview(input.values)} samples=${input.samples}`

/** parse and analyze, and the canonical text analyze returns parsed back. */
export const expressions: Entry<ExpressionInput> = {
  name: 'expression',
  covers: 'parse, analyze, canonical text parsed back',
  arbitrary: () => inputs(8),
  check(input) {
    const { expression } = input
    const { findings, tree } = checkParse(expression)
    const analyzed = analyze({ expression })
    findings.push(...resultFindings(analyzed, expression.length, 'analyze'))
    if (analyzed.ok !== (tree !== null))
      findings.push(finding('notResult', 'analyze-agrees', 'analyze and parse disagree'))
    if (analyzed.ok && tree !== null)
      findings.push(...checkCanonical(analyzed.value.canonical, tree))
    return findings
  },
  describe,
}

/** The numbers: gradientAt and evaluate, each through its validator, at awkward and extreme points. */
export const evaluation: Entry<ExpressionInput> = {
  name: 'evaluation',
  covers: 'gradientAt, evaluate (f, f\u2032, f\u2033 over a slice)',
  arbitrary: () => inputs(1),
  check(input) {
    const { expression } = input
    const findings: Finding[] = []
    const { tree } = checkParse(expression)
    if (tree === null) return findings
    const analyzed = analyze({ expression })
    if (!analyzed.ok)
      return [finding('notResult', 'analyze-agrees', 'analyze refused a parsed text')]
    const names = analyzed.value.variables
    const point: Record<string, number> = {}
    names.forEach((name, i) => (point[name] = input.values[i % input.values.length]!))
    const gradientRequest = validateGradientRequest({ expression, point })
    if (!gradientRequest.ok)
      return [finding('notResult', 'gradient-valid', 'a valid gradient request refused')]
    findings.push(
      ...resultFindings(gradientAt(gradientRequest.value), expression.length, 'gradientAt'),
    )

    const wrt = names[input.wrtIndex % Math.max(1, names.length)] ?? 'x'
    const request = validateEvaluateRequest({
      expression,
      point: { ...point, [wrt]: point[wrt] ?? 0 },
      wrt,
      domain: [-3, 2],
      samples: input.samples,
      secondDerivative: input.secondDerivative,
    })
    if (!request.ok)
      return [...findings, finding('notResult', 'evaluate-valid', 'a valid request refused')]
    const result = evaluate(request.value)
    findings.push(...resultFindings(result, expression.length, 'evaluate'))
    if (result.ok) {
      const { t, f, df, d2f } = result.value.series
      const lengths = [t, f, df, ...(input.secondDerivative ? [d2f] : [])].map((a) => a?.length)
      if (lengths.some((length) => length !== input.samples))
        findings.push(
          finding(
            'dataLost',
            'series-length',
            `series of ${lengths.join('/')} for ${input.samples}`,
          ),
        )
      if (!t.every(Number.isFinite))
        findings.push(finding('badAccepted', 'sample-positions', 'non-finite sample positions'))
    }
    return findings
  },
  describe,
}
