import type { IpcMainInvokeEvent } from 'electron'
import { isAppUrl, type AppLocation } from './app-url'

/**
 * Whether an IPC message comes from our own page: the main frame (not an iframe) of a window we created,
 * showing our index.html. Electron's security guide asks for exactly this check on every IPC handler.
 */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  location: AppLocation,
  isOurWebContents: (id: number) => boolean,
): boolean {
  const frame = event.senderFrame
  if (!frame) return false // the frame navigated away or was destroyed while the message was in flight
  if (!isOurWebContents(event.sender.id)) return false
  if (frame.parent !== null || frame !== event.sender.mainFrame) return false
  return isAppUrl(location, frame.url)
}
