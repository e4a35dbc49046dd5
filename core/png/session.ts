import {
  isFiniteNumber,
  isSampleCount,
  isVariableName,
  ownFields,
  rangeOf,
} from '../protocol/guards'
import { LIMITS } from '../protocol/limits'
import {
  lastTextBytes,
  latin1Text,
  pngFail,
  pngOk,
  readChunks,
  textChunk,
  withText,
  writeChunks,
  type PngResult,
} from './chunks'

/**
 * The plot a PNG shows, embedded in the file as a tEXt chunk so that opening the image restores the
 * explorer exactly: the app's export, the CLI's `plot` and the app's "Open PNG…" share this module.
 */
export interface PlotSession {
  expression: string
  /** Every slider value the function needs. */
  point: Record<string, number>
  /** The plotted variable. */
  wrt: string
  /** The plotted range of `wrt`. */
  domain: [number, number]
  /** A y-range fixed by the learner; null when it follows the data. */
  yRange: [number, number] | null
  /** A fixed number of samples (the lab's linspace, drawn as points); null when it follows the width. */
  samples: number | null
  /** Whether f″ is drawn too (the plot toolbar's toggle); false in files saved before it was kept. */
  showSecond: boolean
}

/**
 * The one way a session is made (the app's export, the CLI's `plot`, the explorer's current plot): every
 * part is copied, so a session never shares an object with the state it was read from.
 */
export function plotSessionOf(view: {
  readonly expression: string
  readonly point: Readonly<Record<string, number>>
  readonly wrt: string
  readonly domain: readonly [number, number]
  readonly yRange: readonly [number, number] | null
  readonly samples: number | null
  readonly showSecond?: boolean
}): PlotSession {
  return {
    expression: view.expression,
    point: { ...view.point },
    wrt: view.wrt,
    domain: [view.domain[0], view.domain[1]],
    yRange: view.yRange === null ? null : [view.yRange[0], view.yRange[1]],
    samples: view.samples,
    showSecond: view.showSecond ?? false,
  }
}

export const SESSION_KEYWORD = 'Calculus Lab session'
const FORMAT = 'calculus-lab/plot-session'
const VERSION = 1

/**
 * JSON with every character outside printable ASCII escaped as \uXXXX: π and · survive a tEXt chunk
 * (Latin-1) unchanged, and JSON.parse restores them.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[^\x20-\x7e]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/** Adds (or replaces) the session chunk and the Software chunk of a PNG. */
export function embedSession(png: Uint8Array, session: PlotSession): PngResult<Uint8Array> {
  const chunks = readChunks(png)
  if (!chunks.ok) return chunks
  const text = asciiJson({ format: FORMAT, version: VERSION, ...session })
  const added = [textChunk('Software', 'Calculus Lab'), textChunk(SESSION_KEYWORD, text)]
  return pngOk(writeChunks(withText(chunks.value, added)))
}

/** The point's values, copied, when every name is a variable and every value finite; else null. */
function pointOf(value: unknown): Record<string, number> | null {
  const fields = ownFields(value, LIMITS.maxVariables)
  if (!fields.ok) return null
  const point: Record<string, number> = {}
  for (const [name, number] of Object.entries(fields.value)) {
    if (!isVariableName(name) || !isFiniteNumber(number)) return null
    point[name] = number
  }
  return point
}

/**
 * What a session chunk must hold; the file is untrusted, so every field is checked, through the bounded
 * guards, and the session is built from the checked copies.
 */
function parseSession(text: string): PngResult<PlotSession> {
  const damaged = (why: string) =>
    pngFail<PlotSession>('bad-session', `The plot saved in this PNG cannot be restored: ${why}.`)
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return damaged('it is not readable')
  }
  const fields = ownFields(data, LIMITS.maxFields)
  if (!fields.ok) {
    return damaged(
      data !== null && typeof data === 'object' && !Array.isArray(data)
        ? `it ${fields.problem}`
        : 'it is in an unknown format',
    )
  }
  const { format, version, expression, point: savedPoint, wrt, domain: savedDomain } = fields.value
  const { yRange: savedYRange, samples, showSecond: savedShowSecond } = fields.value
  if (format !== FORMAT) return damaged('it is in an unknown format')
  if (version !== VERSION) {
    const shown = typeof version === 'number' ? String(version) : 'unknown'
    return damaged(`it was saved by a newer Calculus Lab (version ${shown})`)
  }
  if (
    typeof expression !== 'string' ||
    expression.length === 0 ||
    expression.length > LIMITS.expressionLength
  ) {
    return damaged('the function is missing or too long')
  }
  const point = pointOf(savedPoint)
  if (!point) return damaged('the point is not a set of finite values')
  if (typeof wrt !== 'string' || !isVariableName(wrt) || !(wrt in point)) {
    return damaged('the plotted variable is missing')
  }
  const domain = rangeOf(savedDomain)
  if (!domain) return damaged('the plotted range is invalid')
  const yRange = savedYRange === null ? null : rangeOf(savedYRange)
  if (savedYRange !== null && !yRange) return damaged('the y-range is invalid')
  if (samples !== null && !isSampleCount(samples)) return damaged('the sample count is invalid')
  // Absent in the files of versions that did not keep the toggle: those showed f and f′ only.
  if (savedShowSecond !== undefined && typeof savedShowSecond !== 'boolean') {
    return damaged('the f″ setting is invalid')
  }
  const showSecond = savedShowSecond === true
  return pngOk({ expression, point, wrt, domain, yRange, samples, showSecond })
}

/** The session a PNG carries, or why there is none: not a PNG, damaged, or not one of ours. */
export function readSession(png: Uint8Array): PngResult<PlotSession> {
  const chunks = readChunks(png)
  if (!chunks.ok) return chunks
  const text = lastTextBytes(chunks.value, SESSION_KEYWORD)
  if (text === undefined) {
    return pngFail(
      'no-session',
      'This PNG has no Calculus Lab plot in it. Only images exported by Calculus Lab can be opened.',
    )
  }
  // Counted before it is decoded or parsed: a crafted file may carry megabytes of "session".
  if (text.length > LIMITS.sessionTextLength) {
    return pngFail(
      'bad-session',
      `The plot saved in this PNG cannot be restored: it is ${text.length} bytes long; at most ${LIMITS.sessionTextLength} are allowed.`,
    )
  }
  return parseSession(latin1Text(text))
}
