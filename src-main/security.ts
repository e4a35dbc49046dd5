import type { Event, Session, WebContents } from 'electron'
import { isAppOrigin, isAppUrl, type AppLocation } from './app-url'

/**
 * The page's Content-Security-Policy, delivered twice on purpose. index.html carries it as a <meta> tag
 * (it then holds wherever the file is opened); the app:// handler (app-protocol.ts) sends it as a response
 * header with every file, and main also sets the header wherever webRequest sees our origin (the dev
 * server too), because only a header policy honours `frame-ancestors`. Both apply at once, so the stricter
 * of the two always wins.
 * One literal string, so a reader (and electronegativity) sees the whole policy at once. KaTeX writes
 * style="" attributes, hence 'unsafe-inline' for styles; scripts are never inline.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'"

/** In development Vite's hot-reload socket must be reachable too; nothing else changes. */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  if (!devServerOrigin) return CONTENT_SECURITY_POLICY
  const socket = devServerOrigin.replace(/^http/, 'ws')
  return CONTENT_SECURITY_POLICY.replace("connect-src 'self'", `connect-src 'self' ${socket}`)
}

/** The app needs no camera, notifications, clipboard reads, USB…: every permission is refused. */
export function hardenSession(session: Session, location: AppLocation): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
  const policy = contentSecurityPolicy(location.kind === 'dev-server' ? location.origin : undefined)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppOrigin(location, details.url)) {
      callback({})
      return
    }
    const headers: Record<string, string[]> = {}
    for (const [name, value] of Object.entries(details.responseHeaders ?? {})) {
      if (name.toLowerCase() !== 'content-security-policy') headers[name] = value
    }
    headers['Content-Security-Policy'] = [policy]
    callback({ responseHeaders: headers })
  })
}

/**
 * Applied to every webContents the app creates: nothing may open a window, navigate away from our page,
 * redirect, or attach a <webview>. The app has one page and needs none of these.
 */
export function hardenWebContents(contents: WebContents, location: AppLocation): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  const stayOnAppPage = (event: Event<{ url: string }>) => {
    if (!isAppUrl(location, event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayOnAppPage)
  contents.on('will-redirect', stayOnAppPage)
  contents.on('will-frame-navigate', (event) => {
    // Our page has no iframes: any frame other than the main one navigating is refused.
    if (!event.isMainFrame || !isAppUrl(location, event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}
