import type { IpcMainInvokeEvent } from 'electron'
import { describe, expect, it } from 'vitest'
import { appLocation } from './app-url'
import { isTrustedSender } from './sender'
import { FakeWebContents, FakeWebFrameMain } from './test-support/fake-electron.mjs'

const location = appLocation('/app/out/renderer/index.html')
const appUrl = 'app://calculus-lab/index.html'

function eventFrom(contents: FakeWebContents, frame: FakeWebFrameMain | null): IpcMainInvokeEvent {
  return { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

describe('isTrustedSender', () => {
  const ours = new FakeWebContents()
  ours.mainFrame.url = appUrl
  const isOurs = (id: number) => id === ours.id

  it('trusts the main frame of our window showing our page', () => {
    expect(isTrustedSender(eventFrom(ours, ours.mainFrame), location, isOurs)).toBe(true)
  })

  it('refuses a subframe, even one showing our page', () => {
    const child = new FakeWebFrameMain({ url: appUrl, parent: ours.mainFrame })
    expect(isTrustedSender(eventFrom(ours, child), location, isOurs)).toBe(false)
  })

  it('refuses our window after it navigated elsewhere, and a destroyed frame', () => {
    const elsewhere = new FakeWebFrameMain({ url: 'https://example.com/' })
    const contents = Object.assign(new FakeWebContents(), { id: ours.id, mainFrame: elsewhere })
    expect(isTrustedSender(eventFrom(contents, elsewhere), location, isOurs)).toBe(false)
    expect(isTrustedSender(eventFrom(ours, null), location, isOurs)).toBe(false)
  })

  it('refuses our window showing the renderer files over file:// or another app:// host', () => {
    for (const url of [
      'file:///app/out/renderer/index.html',
      'app://other/index.html',
      'app://calculus-lab/assets/index.js',
    ]) {
      const frame = new FakeWebFrameMain({ url })
      const contents = Object.assign(new FakeWebContents(), { id: ours.id, mainFrame: frame })
      expect(isTrustedSender(eventFrom(contents, frame), location, isOurs)).toBe(false)
    }
  })

  it('refuses a webContents that is not our window, even on our URL', () => {
    const other = new FakeWebContents()
    other.mainFrame.url = appUrl
    expect(isTrustedSender(eventFrom(other, other.mainFrame), location, isOurs)).toBe(false)
  })
})

describe('isTrustedSender, given a frame Electron has disposed', () => {
  const ours = new FakeWebContents()
  ours.mainFrame.url = appUrl
  const isOurs = (id: number) => id === ours.id
  const disposed = () => {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed')
  }

  it('refuses, without a throw, when the frame or its URL can no longer be read', () => {
    const frameGone = Object.defineProperty({ sender: ours }, 'senderFrame', { get: disposed })
    expect(isTrustedSender(frameGone as unknown as IpcMainInvokeEvent, location, isOurs)).toBe(
      false,
    )
    const urlGone = Object.defineProperty(ours.mainFrame, 'url', { get: disposed })
    expect(isTrustedSender(eventFrom(ours, urlGone), location, isOurs)).toBe(false)
  })
})
