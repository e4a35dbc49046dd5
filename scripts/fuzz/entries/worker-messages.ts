import fc from 'fast-check'
import { handleMessage } from '../../../core/evaluate/serve'
import { analyzeRequestRule, evaluateRequestRule } from '../oracles'
import {
  applyEdits,
  editedRequest,
  evaluateRequest,
  HostileRef,
  materialize,
  wrongOrHuge,
  wrongValue,
  type Edit,
} from '../generators/requests'
import { expressionText } from '../generators/expressions'
import { finding, preview, resultFindings, type Entry, type Finding } from '../harness'

/**
 * The worker's port (core/evaluate/serve.ts handleMessage): every message is untrusted. A message that is
 * not addressed (no object, no safe-integer id) gets no answer; every other one gets `{ id, result }` with
 * a Result, and only requests the contract allows are served.
 */

const EVALUATE_FIELDS = ['expression', 'point', 'wrt', 'domain', 'samples', 'secondDerivative']

const params = fc.oneof(
  {
    weight: 6,
    arbitrary: editedRequest(evaluateRequest(), EVALUATE_FIELDS).map(({ base, edits }): Parts => ({
      method: 'evaluate',
      base,
      edits,
    })),
  },
  {
    weight: 3,
    arbitrary: editedRequest(
      expressionText(1).map((expression) => ({ expression })),
      ['expression'],
    ).map(({ base, edits }): Parts => ({ method: 'analyze', base, edits })),
  },
  {
    weight: 1,
    arbitrary: fc.record<Parts>({
      method: fc.oneof(
        fc.constantFrom('grad', 'constructor', '__proto__', 'toString', 'Evaluate', ''),
        wrongValue(),
      ),
      base: wrongValue(),
      edits: fc.constant([]),
    }),
  },
)

/** A message in parts, put together when it is run (see HostileRef). */
interface Parts {
  method: unknown
  base: unknown
  edits: Edit[]
}
export type WorkerMessageInput =
  { kind: 'message'; id: unknown; parts: Parts } | { kind: 'anything'; value: unknown }

const inputs: fc.Arbitrary<WorkerMessageInput> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc.record({
      kind: fc.constant('message' as const),
      id: fc.oneof({ weight: 9, arbitrary: fc.nat() }, { weight: 1, arbitrary: wrongValue() }),
      parts: params,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('anything' as const), value: wrongOrHuge(10_000) }),
  },
)

function messageOf(input: WorkerMessageInput): unknown {
  if (input.kind === 'anything') return materialize(input.value)
  const { method, base, edits } = input.parts
  const params =
    typeof base === 'object' && base !== null && !(base instanceof HostileRef)
      ? applyEdits(base, edits)
      : materialize(base)
  return { id: materialize(input.id), method: materialize(method), params }
}

const addressed = (value: unknown): value is { id: number; method: unknown; params: unknown } =>
  typeof value === 'object' &&
  value !== null &&
  Number.isSafeInteger((value as { id?: unknown }).id)

/** The oracle may meet a hostile object; one it cannot read is not a valid request. */
function brokenRule(method: unknown, request: unknown): string | null {
  try {
    if (method === 'evaluate') return evaluateRequestRule(request)?.tag ?? null
    if (method === 'analyze') return analyzeRequestRule(request) ? 'request' : null
    return 'method'
  } catch {
    return 'unreadable'
  }
}

/** What a port delivers is a structured clone: a value that cannot be cloned cannot be sent. */
const UNSENDABLE = Symbol('unsendable')
function delivered(input: WorkerMessageInput): unknown {
  try {
    return structuredClone(messageOf(input))
  } catch {
    return UNSENDABLE
  }
}

export const workerMessages: Entry<WorkerMessageInput, unknown> = {
  name: 'worker-message',
  covers: 'core/evaluate/serve.ts handleMessage (evaluate, analyze, unknown methods)',
  arbitrary: () => inputs,
  prepare: delivered,
  check(sent) {
    if (sent === UNSENDABLE) return []
    const response = handleMessage(sent)
    if (!addressed(sent))
      return response === null
        ? []
        : [finding('badAccepted', 'unaddressed', 'an unaddressed message was answered')]
    if (response === null)
      return [finding('notResult', 'no-answer', 'an addressed message got no answer')]
    const findings: Finding[] = []
    if (response.id !== sent.id)
      findings.push(finding('notResult', 'answer-id', 'answered with another id'))
    const expression = (sent.params as { expression?: unknown } | null | undefined)?.expression
    const length = typeof expression === 'string' ? expression.length : 0
    findings.push(...resultFindings(response.result, length, 'handleMessage'))
    if (response.result.ok) {
      const broken = brokenRule(sent.method, sent.params)
      if (broken)
        findings.push(
          finding(
            'badAccepted',
            broken === 'domain-width-not-finite' ? broken : `request-${broken}`,
            `served a request that breaks the contract (${broken})`,
          ),
        )
      const series = (response.result.value as { series?: { t: Float64Array } }).series
      if (series && !series.t.every(Number.isFinite))
        findings.push(
          finding(
            'badAccepted',
            broken === 'domain-width-not-finite' ? broken : 'sample-positions',
            'non-finite sample positions served',
          ),
        )
    }
    return findings
  },
  describe: (input) => preview(messageOf(input)),
}
