import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { katexWoff2Only } from './scripts/katex-woff2'

/**
 * electron-vite config: main, preload and renderer builds into out/{main,preload,renderer} (electron-vite's
 * defaults, so `--outDir` moves all three together, as the built-app test does).
 * - main is ESM (package.json "type": "module"); the core worker is imported with `?modulePath`, which
 *   bundles core/worker.ts as its own self-contained chunk (out/main/chunks/worker-<hash>.mjs) so it can be
 *   unpacked from the asar as one file (see package.json build.asarUnpack).
 * - preload is CommonJS: a sandboxed preload cannot be an ES module. `.cjs` says so whatever package.json says.
 * - renderer is the same Vue app the web build serves, with KaTeX's fonts as woff2 only (what Chromium
 *   reads). `--mode e2e` builds it with the chart's test hook, for tests only (see vite.web.config.ts);
 *   the shipped build has none.
 */
export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/index.ts') },
        output: {
          entryFileNames: '[name].js',
          // .mjs: the worker may sit outside the asar (app.asar.unpacked), where no package.json says "module".
          chunkFileNames: 'chunks/[name]-[hash].mjs',
        },
      },
    },
  },
  preload: {
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src-renderer'),
    plugins: [vue(), katexWoff2Only()],
    build: {
      // electron-vite leaves bundles unminified; the renderer is most of the asar, so it is minified.
      minify: true,
      rolldownOptions: { input: resolve(import.meta.dirname, 'src-renderer/index.html') },
    },
  },
})
