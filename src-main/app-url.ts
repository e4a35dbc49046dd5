import { dirname } from 'node:path'
import { APP_INDEX_URL, APP_ORIGIN } from './app-protocol'

/**
 * Where our page lives, and whether a URL is it. In production the renderer is served from the packaged
 * renderer folder on the privileged `app://` scheme (app-protocol.ts); in development it is electron-vite's
 * dev server. IPC senders and navigations are checked against this, so no other page (a link, a redirect,
 * an injected iframe, a file:// page) ever counts as ours.
 */
export type AppLocation =
  | { kind: 'app'; indexUrl: string; rendererRoot: string }
  | { kind: 'dev-server'; origin: string; url: string }

export function appLocation(rendererIndexPath: string, devServerUrl?: string): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl)
    return { kind: 'dev-server', origin: url.origin, url: url.href }
  }
  return { kind: 'app', indexUrl: APP_INDEX_URL, rendererRoot: dirname(rendererIndexPath) }
}

/** The URL the window loads first. */
export const startUrl = (location: AppLocation): string =>
  location.kind === 'app' ? location.indexUrl : location.url

/** Whether a response (any file of the page, not only the document) comes from where our page lives. */
export function isAppOrigin(location: AppLocation, candidate: string): boolean {
  try {
    const url = new URL(candidate)
    // Node's URL gives a scheme it does not know the opaque origin "null": compare scheme and host.
    if (location.kind === 'app') return `${url.protocol}//${url.host}` === APP_ORIGIN
    return url.origin === location.origin
  } catch {
    return false
  }
}

export function isAppUrl(location: AppLocation, candidate: string): boolean {
  let url: URL
  try {
    url = new URL(candidate)
  } catch {
    return false
  }
  if (location.kind === 'dev-server') return url.origin === location.origin
  // The page may use a #fragment or ?query for its own state; the document itself must be our index.html.
  url.hash = ''
  url.search = ''
  return url.href === location.indexUrl
}
