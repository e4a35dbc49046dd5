import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

/** The web build of the renderer: the same app as in Electron, with the core in a Web Worker. */
export default defineConfig({
  root: fileURLToPath(new URL('./src-renderer', import.meta.url)),
  base: './',
  plugins: [vue()],
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('./out/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    reportCompressedSize: false,
    // One chunk of Vue, Chart.js and KaTeX (~520 kB, ~170 kB gzipped), loaded from disk or localhost.
    chunkSizeWarningLimit: 600,
  },
  server: { host: '127.0.0.1', strictPort: true },
})
