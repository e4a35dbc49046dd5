import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import type { Protocol } from 'electron'

/**
 * The `app://` scheme the window is loaded from (Electron's security checklist, item 18: "use a custom
 * protocol instead of file://"). file:// would hand the page the whole disk as "same origin"; `app://`
 * serves the packaged renderer folder and nothing else. The scheme is registered privileged (standard and
 * secure, so the page has a real origin, relative URLs and module scripts) before the app is ready, and
 * served by `protocol.handle` once it is. file:// is never registered: it keeps no privileges.
 */
export const APP_SCHEME = 'app'
export const APP_HOST = 'calculus-lab'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/**
 * What the scheme may do. `standard` + `secure` give it an origin and a secure context; `supportFetchAPI`
 * and `corsEnabled` let module scripts, fonts and fetch() load from it; no service workers, no streaming.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  corsEnabled: true,
  allowServiceWorkers: false,
  bypassCSP: false,
  stream: false,
} as const

/** Must run before `app` is ready: Electron reads privileged schemes once, at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }])
}

/** The types the renderer build contains; anything else is served as opaque bytes, never sniffed. */
const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
}

export const mimeTypeOf = (path: string): string =>
  MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'

/**
 * The file inside `root` that `url` names, or null when it names none: another scheme or host, an empty,
 * `.` or `..` segment (also percent-encoded: the URL parser folds `%2e%2e` into `..` and drops it, but
 * `%2f` and `%5c` survive it and are refused here), a backslash, a drive letter, a NUL. `/` is index.html.
 */
export function appPathOf(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  const pathname =
    parsed.pathname === '/' || parsed.pathname === '' ? '/index.html' : parsed.pathname
  const segments: string[] = []
  for (const raw of pathname.slice(1).split('/')) {
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return null
    }
    if (segment === '' || segment === '.' || segment === '..') return null
    if (/[/\\:\0]/.test(segment)) return null
    segments.push(segment)
  }
  const path = resolve(root, ...segments)
  const inside = relative(resolve(root), path)
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null
  return path
}

const refusal = (status: 404 | 405) =>
  new Response(status === 404 ? 'Not found' : 'Method not allowed', {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' },
  })

/**
 * The response `protocol.handle('app', …)` gives: the file's bytes with its MIME type and the page's CSP
 * as a header (the only delivery that honours frame-ancestors), or 404 for anything outside `root`,
 * including a symlink inside it that points out (checked on the resolved real path), and for folders.
 */
export async function appResponse(
  root: string,
  request: Pick<Request, 'url' | 'method'>,
  contentSecurityPolicy: string,
): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405)
  const path = appPathOf(root, request.url)
  if (!path) return refusal(404)
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)])
    const inside = relative(realRoot, realFile)
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return refusal(404)
    if (!(await stat(realFile)).isFile()) return refusal(404)
    const body = request.method === 'HEAD' ? null : await readFile(realFile)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': mimeTypeOf(realFile),
        'Content-Security-Policy': contentSecurityPolicy,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    })
  } catch {
    return refusal(404)
  }
}

/** Serves `root` (the packaged renderer folder) on app://calculus-lab/. Call once the app is ready. */
export function serveAppFiles(
  protocol: Pick<Protocol, 'handle'>,
  root: string,
  contentSecurityPolicy: string,
): void {
  protocol.handle(APP_SCHEME, (request) => appResponse(root, request, contentSecurityPolicy))
}
