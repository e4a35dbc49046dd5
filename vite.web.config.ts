import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { katexWoff2Only } from './scripts/katex-woff2.ts'

/**
 * The web build of the renderer: the same app as in Electron, with the core in a Web Worker.
 * `--mode e2e` makes the build for tests instead (out/web-e2e): the same app plus the chart's read-only
 * test hook (src-renderer/chart/test-hook.ts), for the end-to-end tests, the UI benchmark and the
 * screenshots. The shipped build (out/web) carries no test hook.
 */
export default defineConfig(({ mode }) => ({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [vue(), katexWoff2Only()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL(mode === 'e2e' ? './out/web-e2e' : './out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // One chunk of Vue, Chart.js and KaTeX (~520 kB, ~170 kB gzipped), loaded from disk or localhost.
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1', strictPort: true },
}))
