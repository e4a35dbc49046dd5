import { describe, expect, it } from 'vitest'
import { appLocation, isAppOrigin, isAppUrl, startUrl } from './app-url'

const index = '/opt/Calculus Lab/resources/app.asar/out/renderer/index.html'

describe('isAppUrl', () => {
  const packaged = appLocation(index)
  const indexUrl = 'app://calculus-lab/index.html'

  it('serves the packaged renderer folder on app://calculus-lab/', () => {
    expect(packaged).toEqual({
      kind: 'app',
      indexUrl,
      rendererRoot: '/opt/Calculus Lab/resources/app.asar/out/renderer',
    })
    expect(startUrl(packaged)).toBe(indexUrl)
  })

  it('accepts our index.html, with or without a fragment or query', () => {
    expect(isAppUrl(packaged, indexUrl)).toBe(true)
    expect(isAppUrl(packaged, `${indexUrl}#/lab/2`)).toBe(true)
    expect(isAppUrl(packaged, `${indexUrl}?step=3`)).toBe(true)
  })

  it.each([
    'file:///opt/Calculus%20Lab/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'app://calculus-lab/other.html',
    'app://calculus-lab.evil/index.html',
    'app://other/index.html',
    'https://example.com/',
    'http://localhost:5173/',
    'devtools://devtools/bundled/inspector.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(packaged, url)).toBe(false)
  })

  it('counts every file of app://calculus-lab as our origin, and nothing else', () => {
    expect(isAppOrigin(packaged, 'app://calculus-lab/assets/index.js')).toBe(true)
    expect(isAppOrigin(packaged, 'file:///opt/x/index.html')).toBe(false)
    expect(isAppOrigin(packaged, 'app://other/index.html')).toBe(false)
    expect(isAppOrigin(packaged, 'nonsense')).toBe(false)
  })

  it('in development accepts the dev server origin only', () => {
    const dev = appLocation(index, 'http://localhost:5173/')
    expect(startUrl(dev)).toBe('http://localhost:5173/')
    expect(isAppUrl(dev, 'http://localhost:5173/')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5173/src/main.ts')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(dev, 'http://127.0.0.1:5173/')).toBe(false)
    expect(isAppUrl(dev, indexUrl)).toBe(false)
  })
})
