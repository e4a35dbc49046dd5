import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Protocol } from 'electron'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  APP_INDEX_URL,
  APP_SCHEME_PRIVILEGES,
  appPathOf,
  appResponse,
  mimeTypeOf,
  registerAppScheme,
  serveAppFiles,
} from './app-protocol'
import { fake, protocol } from './test-support/fake-electron.mjs'

const POLICY = "default-src 'none'"
let base: string
let root: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'app-protocol-'))
  root = join(base, 'renderer')
  mkdirSync(join(root, 'assets', 'fonts'), { recursive: true })
  mkdirSync(join(root, 'inner'), { recursive: true })
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>ours</title>')
  writeFileSync(join(root, 'assets', 'index-abc.js'), 'export {}')
  writeFileSync(join(root, 'assets', 'index-abc.css'), 'body{}')
  writeFileSync(join(root, 'assets', 'fonts', 'KaTeX_Main.woff2'), 'wOF2')
  writeFileSync(join(root, 'assets', 'a b.svg'), '<svg/>')
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer folder')
  symlinkSync(join(base, 'secret.txt'), join(root, 'leak.txt'))
  symlinkSync(base, join(root, 'up'))
  symlinkSync(join(root, 'index.html'), join(root, 'inner', 'alias.html'))
})
afterAll(() => rmSync(base, { recursive: true, force: true }))

const get = (url: string, method = 'GET') => appResponse(root, { url, method }, POLICY)

describe('appPathOf', () => {
  it('maps app://calculus-lab/ paths into the renderer folder, / to index.html', () => {
    expect(appPathOf(root, 'app://calculus-lab/')).toBe(join(root, 'index.html'))
    expect(appPathOf(root, 'app://calculus-lab')).toBe(join(root, 'index.html'))
    expect(appPathOf(root, APP_INDEX_URL)).toBe(join(root, 'index.html'))
    expect(appPathOf(root, 'app://calculus-lab/assets/a%20b.svg')).toBe(
      join(root, 'assets', 'a b.svg'),
    )
    expect(appPathOf(root, 'app://calculus-lab/index.html?x=1#top')).toBe(join(root, 'index.html'))
  })

  it.each([
    'app://calculus-lab/..%2fsecret.txt',
    'app://calculus-lab/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://calculus-lab/%2Fetc%2Fpasswd',
    'app://calculus-lab//etc/passwd',
    'app://calculus-lab/assets\\..\\..\\secret.txt',
    'app://calculus-lab/assets/..%5c..%5csecret.txt',
    'app://calculus-lab/C:/Windows/win.ini',
    'app://calculus-lab/index.html%00.png',
    'app://calculus-lab/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://calculus-lab/index.html',
    'not a url',
  ])('names no file for %s', (url) => {
    expect(appPathOf(root, url)).toBeNull()
  })

  it('lets the URL parser fold plain and encoded dot segments before anything is read', () => {
    // `..` never escapes: the parser resolves it against the URL's own root, inside the folder.
    expect(appPathOf(root, 'app://calculus-lab/assets/../index.html')).toBe(
      join(root, 'index.html'),
    )
    expect(appPathOf(root, 'app://calculus-lab/%2e%2e/%2e%2e/secret.txt')).toBe(
      join(root, 'secret.txt'),
    )
  })
})

describe('appResponse', () => {
  it('serves index.html with its MIME type, the CSP header and nosniff', async () => {
    const response = await get(APP_INDEX_URL)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('<title>ours</title>')
  })

  it.each([
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['assets/fonts/KaTeX_Main.woff2', 'font/woff2'],
    ['assets/a%20b.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (path, type) => {
    const response = await get(`app://calculus-lab/${path}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe(type)
  })

  it('names unknown types opaque bytes', () => {
    expect(mimeTypeOf('/x/file.exe')).toBe('application/octet-stream')
    expect(mimeTypeOf('/x/INDEX.HTML')).toBe('text/html; charset=utf-8')
  })

  it.each([
    'app://calculus-lab/..%2fsecret.txt',
    'app://calculus-lab/%2e%2e/secret.txt',
    'app://calculus-lab//etc/passwd',
    'app://calculus-lab/leak.txt',
    'app://calculus-lab/up/secret.txt',
    'app://calculus-lab/assets',
    'app://calculus-lab/missing.js',
    'app://other-host/index.html',
  ])('answers 404 for %s, and never the file outside', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('outside the renderer folder')
  })

  it('follows a symlink that stays inside the folder', async () => {
    const response = await get('app://calculus-lab/inner/alias.html')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('ours')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await get(APP_INDEX_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405)
  })
})

describe('the app scheme under Electron', () => {
  beforeEach(() => fake.reset())

  it('is registered privileged before ready: standard, secure, fetch and CORS, no service workers', () => {
    registerAppScheme(protocol as unknown as Protocol)
    expect(fake.state.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: APP_SCHEME_PRIVILEGES },
    ])
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      allowServiceWorkers: false,
      bypassCSP: false,
    })
    expect(fake.state.privilegedSchemes.map((entry) => entry.scheme)).not.toContain('file')
  })

  it('is served by the handler registered once the app is ready', async () => {
    const { app } = await import('./test-support/fake-electron.mjs')
    await (app as unknown as { whenReady(): Promise<void> }).whenReady()
    serveAppFiles(protocol as unknown as Protocol, root, POLICY)
    const page = await fake.request(APP_INDEX_URL)
    expect(page.status).toBe(200)
    expect((await fake.request('app://calculus-lab/leak.txt')).status).toBe(404)
    await expect(fake.request('file:///etc/passwd')).rejects.toThrow(/UNKNOWN_URL_SCHEME/)
  })
})
