/**
 * How a structured-clone value travels between the page and the test process. Playwright's bindings carry
 * JSON-like values only; Electron's IPC carries what structuredClone can copy (Float64Array, Uint8Array,
 * NaN, -0, Map, cycles…). Both ends first take a real structuredClone (which throws for what Electron
 * refuses), then this codec writes the copy as JSON and reads it back unchanged.
 *
 * `createWireCodec` is self-contained (no imports, no outer names) because the page gets its source text:
 * the same function runs on both sides.
 */
export interface WireCodec {
  encode(value: unknown): unknown
  decode(wire: unknown): unknown
}

export function createWireCodec(): WireCodec {
  type Tagged = { $: string; [key: string]: unknown }
  const typedArrays: Record<string, new (buffer: ArrayBuffer) => ArrayBufferView> = {
    Int8Array,
    Uint8Array,
    Uint8ClampedArray,
    Int16Array,
    Uint16Array,
    Int32Array,
    Uint32Array,
    Float32Array,
    Float64Array,
    BigInt64Array,
    BigUint64Array,
  }
  // The test process has Node's Buffer, much faster than btoa over a string built from char codes;
  // the page has only btoa/atob. (A name lookup, not an import: this function's source runs in both.)
  const NodeBuffer = (globalThis as { Buffer?: typeof Buffer }).Buffer
  const toBase64 = (bytes: Uint8Array): string => {
    if (NodeBuffer)
      return NodeBuffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64')
    let text = ''
    for (let i = 0; i < bytes.length; i += 0x8000)
      text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
    return btoa(text)
  }
  const fromBase64 = (text: string): ArrayBuffer => {
    if (NodeBuffer) {
      const bytes = NodeBuffer.from(text, 'base64')
      return bytes.buffer.slice(
        bytes.byteOffset,
        bytes.byteOffset + bytes.byteLength,
      ) as ArrayBuffer
    }
    const binary = atob(text)
    const bytes = new Uint8Array(binary.length)
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
    return bytes.buffer
  }

  function encode(value: unknown, seen = new Map<object, number>()): unknown {
    if (value === undefined) return { $: 'undefined' }
    if (typeof value === 'number') {
      if (Number.isNaN(value)) return { $: 'number', v: 'NaN' }
      if (!Number.isFinite(value)) return { $: 'number', v: value > 0 ? 'Infinity' : '-Infinity' }
      if (Object.is(value, -0)) return { $: 'number', v: '-0' }
      return value
    }
    if (typeof value === 'bigint') return { $: 'bigint', v: value.toString() }
    if (value === null || typeof value !== 'object') return value
    const ref = seen.get(value)
    if (ref !== undefined) return { $: 'ref', id: ref }
    const id = seen.size
    seen.set(value, id)
    if (value instanceof ArrayBuffer)
      return { $: 'ArrayBuffer', id, b: toBase64(new Uint8Array(value)) }
    if (ArrayBuffer.isView(value)) {
      const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
      const kind = value instanceof DataView ? 'DataView' : value.constructor.name
      return { $: 'view', id, kind, b: toBase64(bytes.slice()) }
    }
    if (value instanceof Date) return { $: 'Date', id, v: value.getTime() }
    if (value instanceof RegExp)
      return { $: 'RegExp', id, source: value.source, flags: value.flags }
    if (value instanceof Map)
      return { $: 'Map', id, v: [...value].map(([k, v]) => [encode(k, seen), encode(v, seen)]) }
    if (value instanceof Set) return { $: 'Set', id, v: [...value].map((v) => encode(v, seen)) }
    if (value instanceof Error) return { $: 'Error', id, name: value.name, message: value.message }
    if (Array.isArray(value))
      return { $: 'Array', id, v: Array.from(value, (item) => encode(item, seen)) }
    const entries = Object.entries(value).map(([k, v]) => [k, encode(v, seen)])
    return { $: 'Object', id, v: entries }
  }

  function decode(wire: unknown, refs = new Map<number, unknown>()): unknown {
    if (wire === null || typeof wire !== 'object') return wire
    const tagged = wire as Tagged
    const keep = <T>(made: T): T => {
      refs.set(tagged.id as number, made)
      return made
    }
    switch (tagged.$) {
      case 'undefined':
        return undefined
      case 'number':
        return tagged.v === '-0' ? -0 : Number(tagged.v)
      case 'bigint':
        return BigInt(tagged.v as string)
      case 'ref':
        return refs.get(tagged.id as number)
      case 'ArrayBuffer':
        return keep(fromBase64(tagged.b as string))
      case 'view': {
        const buffer = fromBase64(tagged.b as string)
        const View = tagged.kind === 'DataView' ? DataView : typedArrays[tagged.kind as string]
        if (!View) throw new Error(`cannot decode a ${String(tagged.kind)}`)
        return keep(new View(buffer))
      }
      case 'Date':
        return keep(new Date(tagged.v as number))
      case 'RegExp':
        return keep(new RegExp(tagged.source as string, tagged.flags as string))
      case 'Error': {
        const error = keep(new Error(tagged.message as string))
        error.name = tagged.name as string
        return error
      }
      case 'Map': {
        const map = keep(new Map<unknown, unknown>())
        for (const [k, v] of tagged.v as unknown[][]) map.set(decode(k, refs), decode(v, refs))
        return map
      }
      case 'Set': {
        const set = keep(new Set<unknown>())
        for (const v of tagged.v as unknown[]) set.add(decode(v, refs))
        return set
      }
      case 'Array': {
        const array = keep([] as unknown[])
        for (const item of tagged.v as unknown[]) array.push(decode(item, refs))
        return array
      }
      case 'Object': {
        const object = keep({} as Record<string, unknown>)
        // defineProperty, not `=`: an own "__proto__" key stays a key, as structuredClone keeps it.
        for (const [k, v] of tagged.v as [string, unknown][])
          Object.defineProperty(object, k, {
            value: decode(v, refs),
            enumerable: true,
            writable: true,
            configurable: true,
          })
        return object
      }
      default:
        throw new Error(`cannot decode ${JSON.stringify(wire).slice(0, 80)}`)
    }
  }

  return { encode: (value) => encode(value), decode: (wire) => decode(wire) }
}
