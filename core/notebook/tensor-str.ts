import { floatRepr, formatExponent, formatFixed } from './format'
import { getDefaultDtype, gradFnName, isFloating, type DType, type NbTensor } from './tensor'

/**
 * `repr(tensor)` as PyTorch 1.13 writes it (torch/_tensor_str.py with the default print options:
 * precision 4, linewidth 80, threshold 1000, edgeitems 3, sci_mode chosen per tensor).
 */
const PRECISION = 4
const LINEWIDTH = 80
const THRESHOLD = 1000
const EDGEITEMS = 3

/** _Formatter: one width and one mode (integer, fixed or scientific) for every element of a tensor. */
class Formatter {
  private intMode = true
  private sciMode = false
  private maxWidth = 1
  constructor(
    values: readonly number[],
    private readonly floating: boolean,
  ) {
    if (!floating) {
      for (const value of values) this.maxWidth = Math.max(this.maxWidth, intString(value).length)
      return
    }
    const finite = values.filter((v) => Number.isFinite(v) && v !== 0)
    if (finite.length === 0) return
    const abs = finite.map(Math.abs)
    const min = Math.min(...abs)
    const max = Math.max(...abs)
    this.intMode = finite.every((v) => v === Math.ceil(v))
    if (this.intMode) {
      if (max / min > 1000 || max > 1e8) {
        this.sciMode = true
        for (const v of finite)
          this.maxWidth = Math.max(this.maxWidth, formatExponent(v, PRECISION).length)
      } else {
        for (const v of finite)
          this.maxWidth = Math.max(this.maxWidth, formatFixed(v, 0).length + 1)
      }
    } else if (max / min > 1000 || max > 1e8 || min < 1e-4) {
      this.sciMode = true
      for (const v of finite)
        this.maxWidth = Math.max(this.maxWidth, formatExponent(v, PRECISION).length)
    } else {
      for (const v of finite)
        this.maxWidth = Math.max(this.maxWidth, formatFixed(v, PRECISION).length)
    }
  }

  get width(): number {
    return this.maxWidth
  }

  format(value: number): string {
    let text: string
    if (!this.floating) text = intString(value)
    else if (this.sciMode) text = formatExponent(value, PRECISION)
    else if (this.intMode) {
      text = formatFixed(value, 0)
      if (Number.isFinite(value)) text += '.'
    } else text = formatFixed(value, PRECISION)
    return text.padStart(this.maxWidth)
  }
}

function intString(value: number): string {
  return Number.isFinite(value) ? BigInt(value).toString() : floatRepr(value)
}

function vectorString(values: readonly number[], dtype: DType, indent: number): string {
  const summarize = values.length > THRESHOLD
  const shown = summarize ? [...values.slice(0, EDGEITEMS), ...values.slice(-EDGEITEMS)] : values
  if (dtype === 'bool') {
    const items = values.map((v) => (v ? 'True' : 'False'))
    return lines(summarize ? [...items.slice(0, 3), ' ...', ...items.slice(-3)] : items, 7, indent)
  }
  const formatter = new Formatter(shown, isFloating(dtype))
  const items = summarize
    ? [
        ...values.slice(0, EDGEITEMS).map((v) => formatter.format(v)),
        ' ...',
        ...values.slice(-EDGEITEMS).map((v) => formatter.format(v)),
      ]
    : values.map((v) => formatter.format(v))
  return lines(items, formatter.width + 2, indent)
}

function lines(items: string[], elementLength: number, indent: number): string {
  const perLine = Math.max(1, Math.floor((LINEWIDTH - indent) / elementLength))
  const rows: string[] = []
  for (let i = 0; i < items.length; i += perLine) rows.push(items.slice(i, i + perLine).join(', '))
  return `[${rows.join(`,\n${' '.repeat(indent + 1)}`)}]`
}

function addSuffixes(text: string, suffixes: string[], indent: number): string {
  const parts = [text]
  let lastLineLength = text.length - text.lastIndexOf('\n') + 1
  for (const suffix of suffixes) {
    if (lastLineLength + suffix.length + 2 > LINEWIDTH) {
      parts.push(`,\n${' '.repeat(indent)}${suffix}`)
      lastLineLength = indent + suffix.length
    } else {
      parts.push(`, ${suffix}`)
      lastLineLength += suffix.length + 2
    }
  }
  parts.push(')')
  return parts.join('')
}

/** The elements as Python floats (or ints): what `.tolist()` gives. */
export function values(x: NbTensor): number[] {
  return Array.from(x.t.data)
}

export function tensorRepr(x: NbTensor, gradFnSuffix = true): string {
  const prefix = 'tensor('
  const indent = prefix.length
  const suffixes: string[] = []
  const data = values(x)
  const defaultish = x.dtype === getDefaultDtype() || x.dtype === 'int64' || x.dtype === 'bool'
  let body: string
  if (data.length === 0) {
    if (x.dtype !== getDefaultDtype()) suffixes.push(`dtype=torch.${x.dtype}`)
    body = '[]'
  } else {
    if (!defaultish) suffixes.push(`dtype=torch.${x.dtype}`)
    if (x.shape.length === 0) {
      const value = data[0]!
      body =
        x.dtype === 'bool'
          ? value
            ? 'True'
            : 'False'
          : new Formatter([value], isFloating(x.dtype)).format(value)
    } else body = vectorString(data, x.dtype, indent)
  }
  if (gradFnSuffix && x.t.gradFn) suffixes.push(`grad_fn=<${gradFnName(x.t.gradFn)}>`)
  else if (x.t.requiresGrad) suffixes.push('requires_grad=True')
  return addSuffixes(prefix + body, suffixes, indent)
}
