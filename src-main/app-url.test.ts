import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { appLocation, isAppUrl } from './app-url'

const index = '/opt/Calculus Lab/resources/app.asar/out/renderer/index.html'

describe('isAppUrl', () => {
  const packaged = appLocation(index)
  const indexUrl = pathToFileURL(index).href

  it('accepts our index.html, with or without a fragment or query', () => {
    expect(indexUrl).toContain('Calculus%20Lab')
    expect(isAppUrl(packaged, indexUrl)).toBe(true)
    expect(isAppUrl(packaged, `${indexUrl}#/lab/2`)).toBe(true)
    expect(isAppUrl(packaged, `${indexUrl}?step=3`)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'file:///opt/Calculus%20Lab/resources/app.asar/out/renderer/other.html',
    'https://example.com/',
    'http://localhost:5173/',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(packaged, url)).toBe(false)
  })

  it('in development accepts the dev server origin only', () => {
    const dev = appLocation(index, 'http://localhost:5173/')
    expect(isAppUrl(dev, 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.ts')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(dev, 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl(dev, indexUrl)).toBe(false)
  })
})
