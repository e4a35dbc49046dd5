/**
 * A Python exception raised while a cell runs: its class name (`NameError`), its message, and the span of
 * the cell it is about. Thrown inside the interpreter only; runCell turns it into an ErrorOutput value.
 */
export interface Span {
  start: number
  end: number
}

export class PyError extends Error {
  constructor(
    readonly ename: string,
    readonly evalue: string,
    public span: Span | null = null,
  ) {
    super(`${ename}: ${evalue}`)
  }
}

export const pyError = (ename: string, evalue: string, span: Span | null = null): PyError =>
  new PyError(ename, evalue, span)

export const notSupported = (what: string, span: Span | null = null): PyError =>
  new PyError('NotSupportedError', `${what} is not supported in this notebook`, span)

export const typeError = (message: string): PyError => new PyError('TypeError', message)
export const runtimeError = (message: string): PyError => new PyError('RuntimeError', message)
export const attributeError = (message: string): PyError => new PyError('AttributeError', message)
