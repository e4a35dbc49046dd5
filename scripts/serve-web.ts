import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createStaticServer } from './static-server'

/**
 * Serves the built web app (out/web) on 127.0.0.1 and prints its URL. `npm run web` builds first;
 * PORT chooses the port (default 5174; 0 picks a free one); WEB_ROOT another build (the end-to-end tests
 * serve the build made for tests, out/web-e2e).
 */
const root = process.env.WEB_ROOT ?? fileURLToPath(new URL('../out/web', import.meta.url))
if (!existsSync(`${root}/index.html`)) {
  console.error(`No web build in ${root}. Run \`npm run build:web\` first (or \`npm run web\`).`)
  process.exit(1)
}
const port = Number(process.env.PORT ?? 5174)
const server = createStaticServer(root)
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(
    error.code === 'EADDRINUSE'
      ? `Port ${port} is in use. Choose another with PORT=… npm run web.`
      : `Could not start the server: ${error.message}`,
  )
  process.exit(1)
})
server.listen(port, '127.0.0.1', () => {
  const address = server.address()
  const actual = typeof address === 'object' && address ? address.port : port
  console.log(`Calculus Lab (web build) is running at http://127.0.0.1:${actual}/`)
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.close(() => process.exit(0)))
}
