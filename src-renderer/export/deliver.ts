import type { SavePngResult } from '../../core/protocol/desktop'
import { desktopBridge } from '../api/desktop'

/** Where the file went; `note` says what the learner should know about what is in it. */
export type Delivery =
  | { kind: 'saved'; path: string; note?: string }
  | { kind: 'downloaded'; name: string; note?: string }
  | { kind: 'cancelled' }
  | { kind: 'failed'; message: string }

/**
 * Hands the finished PNG to the learner: the desktop app's native save dialog (main checks and writes the
 * file), or a download in the web build.
 */
export async function deliverPng(bytes: Uint8Array, suggestedName: string): Promise<Delivery> {
  const bridge = desktopBridge()
  if (bridge) {
    try {
      const result = await bridge.savePng({ bytes, suggestedName })
      if (!result.ok) {
        return {
          kind: 'failed',
          message: result.diagnostics[0]?.message ?? 'The PNG was not saved.',
        }
      }
      const saved: SavePngResult = result.value
      return saved.saved ? { kind: 'saved', path: saved.path } : { kind: 'cancelled' }
    } catch (error) {
      return { kind: 'failed', message: `The PNG was not saved: ${String(error)}` }
    }
  }
  const url = URL.createObjectURL(
    new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
  )
  const link = document.createElement('a')
  link.href = url
  link.download = suggestedName
  document.body.append(link)
  link.click()
  link.remove()
  // The download has started from the click; the URL is no longer needed after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0)
  return { kind: 'downloaded', name: suggestedName }
}
