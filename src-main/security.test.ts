import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { appLocation } from './app-url'
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
} from './security'

vi.mock('electron', () => import('./test-support/fake-electron.mjs'))
const { fake, session, FakeWebContents, FakeWebFrameMain } =
  await import('./test-support/fake-electron.mjs')

const location = appLocation('/app/out/renderer/index.html')
const appUrl = 'app://calculus-lab/index.html'

beforeEach(() => fake.reset())

describe('contentSecurityPolicy', () => {
  it('allows only our own scripts, and no plugins, frames, base or form targets', () => {
    const policy = contentSecurityPolicy()
    expect(policy).toContain("default-src 'none'")
    expect(policy).toContain("script-src 'self'")
    expect(policy).not.toMatch(/script-src[^;]*unsafe/)
    for (const directive of [
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'none'",
    ])
      expect(policy).toContain(directive)
    expect(policy).toContain("connect-src 'self'")
  })

  it('in development also lets Vite open its hot-reload socket', () => {
    expect(contentSecurityPolicy('http://localhost:5173')).toContain(
      "connect-src 'self' ws://localhost:5173",
    )
  })
})

describe('hardenSession', () => {
  it('refuses every permission request and check', () => {
    hardenSession(session.defaultSession as unknown as Session, location)
    const granted: boolean[] = []
    for (const permission of [
      'media',
      'notifications',
      'clipboard-read',
      'geolocation',
      'openExternal',
    ])
      session.defaultSession.permissionRequestHandler!(
        {},
        permission,
        (answer) => granted.push(answer),
        {},
      )
    expect(granted).toEqual([false, false, false, false, false])
    expect(session.defaultSession.permissionCheckHandler!({}, 'media', appUrl, {})).toBe(false)
    expect(session.defaultSession.devicePermissionHandler!({})).toBe(false)
  })

  it('puts the policy on our responses, replacing any other, and leaves other responses alone', () => {
    const dev = appLocation('/app/out/renderer/index.html', 'http://localhost:5173/')
    hardenSession(session.defaultSession as unknown as Session, dev)
    const listener = session.defaultSession.headersReceivedListener!
    let answer: { responseHeaders?: Record<string, string[]> } = {}
    listener(
      {
        url: 'http://localhost:5173/',
        responseHeaders: { 'content-security-policy': ['*'], 'X-A': ['1'] },
      },
      (response) => (answer = response),
    )
    expect(answer.responseHeaders).toEqual({
      'X-A': ['1'],
      'Content-Security-Policy': [contentSecurityPolicy('http://localhost:5173')],
    })
    listener(
      { url: 'https://example.com/', responseHeaders: {} },
      (response) => (answer = response),
    )
    expect(answer).toEqual({})
  })
})

describe('hardenSession in the packaged app', () => {
  it('adds the header to what app:// serves only, never to file:// or another origin', () => {
    hardenSession(session.defaultSession as unknown as Session, location)
    const listener = session.defaultSession.headersReceivedListener!
    let answer: { responseHeaders?: Record<string, string[]> } = {}
    for (const url of [appUrl, 'app://calculus-lab/assets/index-abc.js']) {
      listener({ url, responseHeaders: {} }, (response) => (answer = response))
      expect(answer.responseHeaders).toEqual({
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      })
    }
    for (const url of [
      'file:///app/out/renderer/index.html',
      'file:///etc/hosts',
      'app://elsewhere/index.html',
    ]) {
      listener({ url, responseHeaders: {} }, (response) => (answer = response))
      expect(answer).toEqual({})
    }
  })
})

describe('hardenWebContents', () => {
  function hardened() {
    const contents = new FakeWebContents()
    contents.mainFrame.url = appUrl
    hardenWebContents(contents as unknown as WebContents, location)
    return contents
  }

  it('denies window.open for every URL', () => {
    const contents = hardened()
    for (const url of ['https://example.com', appUrl, 'about:blank'])
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' })
  })

  it('refuses navigation away from our page but not to it', () => {
    const contents = hardened()
    expect(contents.attemptNavigation('https://example.com/')).toBe(false)
    expect(contents.attemptNavigation('file:///etc/passwd')).toBe(false)
    // The same renderer files over file:// are not our page: only app:// is.
    expect(contents.attemptNavigation('file:///app/out/renderer/index.html')).toBe(false)
    expect(contents.attemptNavigation('app://calculus-lab/other.html')).toBe(false)
    expect(contents.mainFrame.url).toBe(appUrl)
    expect(contents.attemptNavigation(`${appUrl}#/walkthrough`)).toBe(true)
  })

  it('refuses any subframe navigation, redirects off our page, and <webview>', () => {
    const contents = hardened()
    const child = new FakeWebFrameMain({ url: 'about:blank', parent: contents.mainFrame })
    expect(contents.attemptNavigation(appUrl, child)).toBe(false)
    const redirect = {
      url: 'https://example.com/',
      defaultPrevented: false,
      preventDefault: vi.fn(),
    }
    contents.emit('will-redirect', redirect, redirect.url)
    expect(redirect.preventDefault).toHaveBeenCalled()
    const attach = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.preventDefault).toHaveBeenCalled()
  })
})
