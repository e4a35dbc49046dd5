import { mkdtemp, mkdir, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createStaticServer, resolveInside } from './static-server'

let root: string
let base: string
let close: () => void

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'static-'))
  await mkdir(join(root, 'assets'))
  await writeFile(join(root, 'index.html'), '<!doctype html>')
  await writeFile(join(root, 'assets', 'app.js'), 'export {}')
  await writeFile(join(root, 'assets', 'font.woff2'), 'w')
  const server = createStaticServer(root)
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  close = () => server.close()
})
afterAll(() => close())

describe('static server', () => {
  it('serves index.html for / and files with their MIME type', async () => {
    const index = await fetch(`${base}/`)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await index.text()).toBe('<!doctype html>')
    const script = await fetch(`${base}/assets/app.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const font = await fetch(`${base}/assets/font.woff2`)
    expect(font.headers.get('content-type')).toBe('font/woff2')
  })

  it('answers 404 for missing files and 405 for other methods', async () => {
    expect((await fetch(`${base}/nope.js`)).status).toBe(404)
    expect((await fetch(`${base}/`, { method: 'POST' })).status).toBe(405)
  })

  it('never leaves the root', async () => {
    expect(resolveInside(root, '/../etc/passwd')).toBe(join(root, 'etc/passwd'))
    expect(resolveInside(root, '/%2e%2e/%2e%2e/etc/passwd')).toBe(join(root, 'etc/passwd'))
    expect(resolveInside(root, '/..%5c..%5cetc')?.startsWith(root)).toBe(true)
    expect(resolveInside(root, '/%00')).toBeNull()
    expect(resolveInside(root, '/%E0%A4%A')).toBeNull()
    expect((await fetch(`${base}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404)
  })
})
