import fc from 'fast-check'
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { analyze, evaluate } from '../../../core/evaluate/service'
import { buildGraph } from '../../../core/graph/build'
import { embedSession } from '../../../core/png/session'
import { readNotebook } from '../../../core/ipynb'
import {
  channelOf,
  INVOKE_METHODS,
  type SaveNotebookRequest,
  type SavePngRequest,
} from '../../../core/protocol/desktop'
import { LIMITS } from '../../../core/protocol/limits'
import { ok, type Result } from '../../../core/protocol/result'
import { appLocation, startUrl } from '../../../src-main/app-url'
import { registerIpcHandlers } from '../../../src-main/ipc'
import { isTrustedSender } from '../../../src-main/sender'
import {
  fake,
  FakeWebContents,
  FakeWebFrameMain,
  invokeEvent,
  ipcMain,
} from '../../../src-main/test-support/fake-electron.mjs'
import { analyzeRequestRule, evaluateRequestRule, graphRequestRule } from '../oracles'
import {
  applyEdits,
  editedRequest,
  evaluateRequest,
  materialize,
  wrongValue,
  type Edit,
} from '../generators/requests'
import { expressionText } from '../generators/expressions'
import { finding, preview, resultFindings, type Entry, type Finding } from '../harness'

/**
 * Every IPC channel as a compromised renderer can call it: src-main/ipc.ts's real handlers, registered on
 * the fake electron's ipcMain and called as `fake.invoke` calls them (structured clones both ways),
 * from our window's main frame and from frames that are not ours. The services behind the handlers record what reaches them: only a trusted sender's contract-valid payload may.
 */

const INDEX = '/opt/calculus-lab/resources/app.asar/out/renderer/index.html'
const location = appLocation(INDEX)
/** The URL our window loads (app://calculus-lab/index.html): main trusts frames showing it. */
const APP_URL = startUrl(location)

/** What reached a service in the current call. */
let reached: { method: string; payload: unknown }[] = []

const ours = new FakeWebContents()
ours.mainFrame.url = APP_URL
const stranger = new FakeWebContents()
stranger.mainFrame.url = APP_URL

registerIpcHandlers(ipcMain as unknown as Pick<IpcMain, 'handle'>, {
  core: {
    call: async (method, params) => {
      reached.push({ method, payload: params })
      if (method === 'graph') return buildGraph(params as Parameters<typeof buildGraph>[0])
      return method === 'evaluate'
        ? evaluate(params as Parameters<typeof evaluate>[0])
        : analyze(params as Parameters<typeof analyze>[0])
    },
  },
  savePng: async (request) => {
    reached.push({ method: 'savePng', payload: request })
    return ok({ saved: false })
  },
  openPng: async () => {
    reached.push({ method: 'openPng', payload: undefined })
    return ok({ opened: false })
  },
  saveNotebook: async (request) => {
    reached.push({ method: 'saveNotebook', payload: request })
    return ok({ saved: false })
  },
  isTrustedSender: (event: IpcMainInvokeEvent) =>
    isTrustedSender(event, location, (id) => id === ours.id),
})

type Sender = 'ours' | 'subframe' | 'other-url' | 'other-contents' | 'no-frame' | 'query-and-hash'
const SENDERS: Sender[] = [
  'ours',
  'ours',
  'ours',
  'ours',
  'subframe',
  'other-url',
  'other-contents',
  'no-frame',
  'query-and-hash',
]

function frameOf(
  sender: Sender,
  url: string,
): { sender: FakeWebContents; frame: FakeWebFrameMain | null } {
  if (sender === 'ours') return { sender: ours, frame: ours.mainFrame }
  if (sender === 'query-and-hash') {
    ours.mainFrame.url = `${APP_URL}?lab=1#step`
    return { sender: ours, frame: ours.mainFrame }
  }
  if (sender === 'other-contents') return { sender: stranger, frame: stranger.mainFrame }
  if (sender === 'no-frame') return { sender: ours, frame: null }
  if (sender === 'subframe')
    return { sender: ours, frame: new FakeWebFrameMain({ url: APP_URL, parent: ours.mainFrame }) }
  const other = new FakeWebFrameMain({ url })
  return { sender: ours, frame: other }
}
/** Whether the sender is trusted by construction (the sender check is what is under test). */
const trustedByConstruction = (sender: Sender) => sender === 'ours' || sender === 'query-and-hash'

const OTHER_URLS = [
  'https://example.com/',
  'file:///etc/passwd',
  `${APP_URL}/..`,
  'file:///opt/calculus-lab/resources/app.asar/out/renderer/other.html',
  'about:blank',
  'data:text/html,x',
  'app://calculus-lab/index.html',
  '',
]

/** A PNG the renderer could have made, for savePng payloads (a 1×1 image with a session). */
const PNG = (() => {
  const bare = Uint8Array.from(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==',
      'base64',
    ),
  )
  const embedded = embedSession(bare, {
    expression: 'x^2',
    point: { x: 1 },
    wrt: 'x',
    domain: [-1, 1],
    yRange: null,
    samples: null,
    showSecond: false,
  })
  if (!embedded.ok) throw new Error('could not build the PNG')
  return embedded.value
})()
let bigPng: Uint8Array | null = null
const overLimitPng = () => {
  bigPng ??= (() => {
    const bytes = new Uint8Array(LIMITS.maxPngBytes + 1)
    bytes.set(PNG.subarray(0, 8))
    return bytes
  })()
  return bigPng
}

const savePngBase = fc.record({
  bytes: fc.oneof(
    { weight: 20, arbitrary: fc.constant('png') },
    { weight: 4, arbitrary: fc.uint8Array({ maxLength: 64 }) },
    { weight: 1, arbitrary: fc.constant('over-limit') },
  ),
  suggestedName: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ minLength: 195, maxLength: 205 }),
    fc.constantFrom('COM1', '../../x', '.png', 'C:\\x'),
  ),
})

type Payload = { base: unknown; edits: Edit[] }
export interface IpcInput {
  channel: string
  sender: Sender
  url: string
  payloads: Payload[]
}

const payload = (method: string): fc.Arbitrary<Payload> => {
  if (method === 'evaluate')
    return editedRequest(evaluateRequest(), ['expression', 'point', 'wrt', 'domain', 'samples'])
  if (method === 'analyze')
    return editedRequest(
      expressionText(1).map((expression) => ({ expression })),
      ['expression'],
    )
  if (method === 'graph')
    return editedRequest(
      evaluateRequest().map(({ expression, point, wrt, domain, samples }) => ({
        expression,
        point,
        slice: { wrt, domain, samples: Math.min(samples, LIMITS.maxGraphSamples) },
      })),
      ['expression', 'point', 'slice'],
    )
  if (method === 'savePng') return editedRequest(savePngBase, ['bytes', 'suggestedName'])
  return fc.record({ base: wrongValue(), edits: fc.constant([]) })
}

const arityOf = (method: string) => (method === 'openPng' ? 0 : 1)

const inputs: fc.Arbitrary<IpcInput> = fc
  .oneof(
    { weight: 20, arbitrary: fc.constantFrom<string>(...INVOKE_METHODS) },
    { weight: 1, arbitrary: fc.constantFrom('menu', 'grad', 'toString') },
  )
  .chain((method) =>
    fc.record({
      channel: fc.constant(`calculus:${method}`),
      sender: fc.constantFrom(...SENDERS),
      url: fc.constantFrom(...OTHER_URLS),
      payloads: fc.oneof(
        {
          weight: 8,
          arbitrary: fc.array(payload(method), {
            minLength: arityOf(method),
            maxLength: arityOf(method),
          }),
        },
        { weight: 1, arbitrary: fc.array(payload(method), { maxLength: 3 }) },
      ),
    }),
  )

function argumentOf({ base, edits }: Payload): unknown {
  const value =
    typeof base === 'object' && base !== null ? applyEdits(base, edits) : materialize(base)
  if (typeof value === 'object' && value !== null && 'bytes' in value) {
    const record = value as Record<string, unknown>
    if (record.bytes === 'png') record.bytes = PNG
    else if (record.bytes === 'over-limit') record.bytes = overLimitPng()
  }
  return value
}

/** What a payload that reached a service must be, from the contract (DESIGN.md §5, desktop.ts). */
function reachedRule(method: string, value: unknown): string | null {
  if (method === 'evaluate') {
    const broken = evaluateRequestRule(value)
    return broken
      ? broken.tag === 'domain-width-not-finite'
        ? broken.tag
        : `evaluate: ${broken.rule}`
      : null
  }
  if (method === 'analyze') return analyzeRequestRule(value)
  if (method === 'graph') return graphRequestRule(value)
  if (method === 'savePng') {
    const request = value as SavePngRequest
    const keys = Object.keys(request).sort().join(',')
    if (keys !== 'bytes,suggestedName') return `savePng with fields ${keys}`
    if (!(request.bytes instanceof Uint8Array) || request.bytes.length > LIMITS.maxPngBytes)
      return 'savePng bytes'
    if (request.bytes[0] !== 0x89 || request.bytes[1] !== 0x50)
      return 'savePng without a PNG signature'
    return typeof request.suggestedName === 'string' &&
      request.suggestedName.length <= LIMITS.suggestedNameLength
      ? null
      : 'savePng name'
  }
  if (method === 'saveNotebook') {
    const request = value as SaveNotebookRequest
    const keys = Object.keys(request).sort().join(',')
    if (keys !== 'suggestedName,text') return `saveNotebook with fields ${keys}`
    if (typeof request.text !== 'string' || !readNotebook(request.text).ok)
      return 'saveNotebook text that is not a notebook'
    return typeof request.suggestedName === 'string' &&
      request.suggestedName.length <= LIMITS.suggestedNameLength
      ? null
      : 'saveNotebook name'
  }
  return null
}

type Ready = { input: IpcInput; args: unknown[] | null }

export const ipcChannels: Entry<IpcInput, Ready> = {
  name: 'ipc',
  covers: 'src-main/ipc.ts: every invoke channel, trusted and untrusted senders',
  arbitrary: () => inputs,
  prepare(input) {
    let args: unknown[]
    try {
      args = structuredClone(input.payloads.map(argumentOf))
    } catch {
      return { input, args: null } // the renderer's invoke refuses what cannot be cloned
    }
    return { input, args }
  },
  async check({ input, args }) {
    if (args === null) return []
    reached = []
    ours.mainFrame.url = APP_URL
    const { sender, frame } = frameOf(input.sender, input.url)
    let response: unknown
    try {
      // The handler main registered, with the event Electron builds (as fake.invoke does), given the
      // arguments already cloned in prepare: cloning a 16 MB payload is the transport's cost, not the
      // handler's. The answer is cloned, as Electron does, so an answer that cannot cross fails here.
      const handler = fake.state.handlers.get(input.channel)
      if (!handler) return [] // Electron itself answers "No handler registered"
      response = structuredClone(await handler(invokeEvent(sender, frame), ...args))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return [finding('crash', 'handler-threw', message.slice(0, 200))]
    }
    const findings: Finding[] = []
    const expression = (args[0] as { expression?: unknown } | null)?.expression
    findings.push(
      ...resultFindings(
        response,
        typeof expression === 'string' ? expression.length : 0,
        input.channel,
      ),
    )
    const method = input.channel.slice('calculus:'.length)
    if (reached.length > 0 && !trustedByConstruction(input.sender))
      findings.push(finding('badAccepted', 'untrusted-sender', `${input.sender} reached ${method}`))
    if (reached.length > 0 && args.length !== arityOf(method))
      findings.push(finding('badAccepted', 'arity', `${args.length} arguments reached ${method}`))
    for (const call of reached) {
      const broken = reachedRule(call.method, call.payload)
      if (broken)
        findings.push(
          finding(
            'badAccepted',
            broken === 'domain-width-not-finite' ? broken : 'ipc-payload',
            `${call.method}: ${broken}`,
          ),
        )
    }
    if (trustedByConstruction(input.sender) && (response as Result<unknown>).ok === false) {
      const [first] = (response as { diagnostics: { message: string }[] }).diagnostics
      if (first?.message.includes('is not the Calculus Lab window'))
        findings.push(
          finding('dataLost', 'trusted-refused', `our own window was refused on ${method}`),
        )
    }
    return findings
  },
  describe: (input) =>
    `${input.channel} from ${input.sender} ${preview(input.payloads.map(argumentOf))}`,
}

export const channelsCovered = INVOKE_METHODS.map((method) => channelOf(method))
