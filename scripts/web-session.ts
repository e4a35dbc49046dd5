import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser } from '@playwright/test'
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/targets'
import { createStaticServer } from './static-server'

/**
 * The web build made for tests (out/web-e2e: the app plus the chart's read-only test hook) served on a
 * free local port, and a Chromium to look at it (for bench and screenshot).
 */
export interface WebSession {
  url: string
  browser: Browser
  close(): Promise<void>
}

export async function openWebSession(
  root = process.env.WEB_ROOT ?? fileURLToPath(new URL('../out/web-e2e', import.meta.url)),
): Promise<WebSession> {
  if (!existsSync(`${root}/index.html`)) {
    throw new Error(`No web build in ${root}: run \`npm run build:web:e2e\` first.`)
  }
  const executablePath = chromiumPath()
  if (!executablePath) {
    throw new Error('No Chromium found: install Debian chromium or set CHROMIUM_PATH.')
  }
  const server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  return {
    url: `http://127.0.0.1:${port}/`,
    browser,
    close: async () => {
      await browser.close()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}
