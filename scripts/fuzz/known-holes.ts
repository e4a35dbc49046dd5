/**
 * THE ALLOW-LIST: failures the suite expects until their fix lands. It is the only place a failure may be
 * excused; each line names the entry, the failure class and the check's tag, and the hole it belongs to.
 * A finding that matches is counted under "known" and does not fail the run; when the fix lands, delete
 * its lines and the suite holds the fix (every class must then be zero).
 */
import type { FailureClass } from './harness'

export interface KnownHole {
  entry: string
  class: FailureClass
  tag: string
  hole: string
}

export const KNOWN_HOLES: readonly KnownHole[] = [
  // None: every hole of issue 14 the suite reaches is fixed, and the suite now holds each fix.
]

export const knownHoleOf = (
  entry: string,
  cls: FailureClass,
  tag: string,
  holes: readonly KnownHole[] = KNOWN_HOLES,
): KnownHole | undefined =>
  holes.find((hole) => hole.entry === entry && hole.class === cls && hole.tag === tag)
