import type { IpcMainInvokeEvent } from 'electron'
import { isAppUrl, type AppLocation } from './app-url'

/**
 * Whether an IPC message comes from our own page: the main frame (not an iframe) of a window we created,
 * showing our index.html. Electron's security guide asks for exactly this check on every IPC handler.
 * Never throws: Electron throws from a frame's getters once the frame is disposed, and a sender that
 * cannot be read is not one we trust.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  location: AppLocation,
  isOurWebContents: (id: number) => boolean,
): boolean {
  try {
    const frame = event.senderFrame
    if (!frame) return false // the frame navigated away or was destroyed while the message was in flight
    if (!isOurWebContents(event.sender.id)) return false
    if (frame.parent !== null || frame !== event.sender.mainFrame) return false
    const url = frame.url
    return typeof url === 'string' && isAppUrl(location, url)
  } catch {
    return false
  }
}
