/**
 * Whether operations record a graph, as `torch.is_grad_enabled()`. One flag for the whole thread: the
 * scopes below are synchronous, so the flag cannot leak across an `await`.
 */
let gradEnabled = true

export function isGradEnabled(): boolean {
  return gradEnabled
}

/** Runs `fn` with graph recording on or off, restoring the previous mode even if `fn` throws. */
export function withGradMode<T>(enabled: boolean, fn: () => T): T {
  const previous = gradEnabled
  gradEnabled = enabled
  try {
    return fn()
  } finally {
    gradEnabled = previous
  }
}

/** `with torch.no_grad():` — results of operations inside do not require grad and record no graph. */
export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn)
}

/** `with torch.enable_grad():` — records a graph again inside a `noGrad` scope. */
export function enableGrad<T>(fn: () => T): T {
  return withGradMode(true, fn)
}
