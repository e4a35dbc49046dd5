import { pathToFileURL } from 'node:url'

/**
 * Where our page lives, and whether a URL is it. In production the renderer is a file inside the app
 * (loadFile); in development it is electron-vite's dev server. IPC senders and navigations are checked
 * against this, so no other page (a link, a redirect, an injected iframe) ever counts as ours.
 */
export type AppLocation =
  | { kind: 'file'; indexUrl: string; indexPath: string }
  | { kind: 'dev-server'; origin: string; url: string }

export function appLocation(rendererIndexPath: string, devServerUrl?: string): AppLocation {
  if (devServerUrl) {
    const url = new URL(devServerUrl)
    return { kind: 'dev-server', origin: url.origin, url: url.href }
  }
  return {
    kind: 'file',
    indexPath: rendererIndexPath,
    indexUrl: pathToFileURL(rendererIndexPath).href,
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
