// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

import layers from './scripts/eslint-layers.js'

/** Test support (fakes, generators, pixel readers) is for tests; shipped code never imports it. */
const testSupportImport = {
  group: ['**/test-support/**'],
  message: 'test-support/ is for tests only: shipped code may not import it.',
}

/**
 * Layers by runtime, as VS Code enforces common / browser / node / electron-main: each layer declares what
 * it may import (scripts/eslint-layers.js reads the globs), and the few files that adapt a layer to a
 * runtime are named with what they may add and why. Layers only point down: main, the renderer and the
 * CLI import core, never each other. Tests and test-support are not shipped and are not layered.
 */
const notShipped = ['**/*.test.ts', '**/test-support/**']
/** core/ is our `common`: it runs in the worker, the renderer, main and Node. */
const commonCore = [
  'core/**',
  // What adapts core to a runtime is not common: only its runtime's layer uses it.
  '!core/worker.ts',
  '!core/cli.ts',
  '!core/cli/**',
  '!core/node/**',
  // The picture draws with Chart.js: the renderer and the CLI use it, the engine and the worker do not.
  '!core/picture/**',
]
const layerRules = [
  {
    layer: 'core/',
    files: ['core/**/*.ts'],
    allow: commonCore,
  },
  {
    layer: 'core/graph/layout.ts',
    files: ['core/graph/layout.ts'],
    // The graph's layout (dagre, pure JavaScript): the panel and the CLI's drawings share it.
    allow: [...commonCore, '@dagrejs/dagre'],
  },
  {
    layer: 'core/worker.ts',
    files: ['core/worker.ts'],
    // The worker thread's entry point: it talks to its parent over worker_threads' port.
    allow: [...commonCore, 'node:worker_threads'],
  },
  {
    layer: 'core/cli/',
    files: ['core/cli.ts', 'core/cli/**/*.ts'],
    // The command line runs in Node: it reads argv, writes files, and draws on @napi-rs/canvas.
    // `--version` reads package.json.
    allow: ['core/**', '!core/worker.ts', 'node:**', '@napi-rs/canvas', 'package.json'],
  },
  {
    layer: 'core/picture/',
    files: ['core/picture/**/*.ts'],
    // Chart.js configurations and the registry of its parts; no canvas, no DOM (the renderer and the CLI
    // each bring their own canvas).
    allow: [...commonCore, 'core/picture/**', 'chart.js'],
  },
  {
    layer: 'core/node/',
    files: ['core/node/**/*.ts'],
    // Node-only helpers shared by main and the CLI: the atomic file write (a random temporary name,
    // written and renamed beside the target).
    allow: [
      ...commonCore,
      'core/node/**',
      'node:fs',
      'node:fs/promises',
      'node:path',
      'node:crypto',
    ],
  },
  {
    layer: 'src-main/',
    files: ['src-main/**/*.ts'],
    // The Electron main process: Electron, Node and the common core (and the worker it starts, as a path).
    allow: [
      'src-main/**',
      'core/**',
      '!core/cli.ts',
      '!core/cli/**',
      '!core/picture/**',
      'electron',
      'node:**',
      // The window's icon, bundled by electron-vite as a file beside main (`?asset`).
      'assets/**',
    ],
  },
  {
    layer: 'src-main/preload/',
    files: ['src-main/preload/**/*.ts'],
    // The sandboxed preload: contextBridge and ipcRenderer, and the protocol it forwards; nothing else
    // runs there.
    allow: ['src-main/preload/**', 'core/protocol/**', 'electron'],
  },
  {
    layer: 'src-renderer/',
    files: ['src-renderer/**/*.{ts,vue}'],
    // The page: Vue, Pinia, Chart.js and KaTeX over the common core and its picture. No Electron and no
    // Node: the desktop app's powers arrive only through the preload's bridge.
    allow: [
      'src-renderer/**',
      'core/**',
      '!core/worker.ts',
      '!core/cli.ts',
      '!core/cli/**',
      '!core/node/**',
      'vue',
      'pinia',
      'chart.js',
      'katex',
      'katex/**',
      // The notebook's cell editor (CodeMirror 6 and its Python language) and its markdown cells.
      '@codemirror/**',
      '@lezer/highlight',
      'markdown-it',
      // The About dialog shows the product's name, version and description.
      'package.json',
    ],
  },
].map(({ layer, files, allow }) => ({
  files,
  ignores: notShipped,
  plugins: { layers },
  rules: { 'layers/allowed-imports': ['error', { layer, allow }] },
}))

const domGlobals = [
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'location',
  'HTMLElement',
  'HTMLCanvasElement',
  'fetch',
  'XMLHttpRequest',
  'requestAnimationFrame',
  'self',
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
].map((name) => ({ name, message: 'core/ runs everywhere: no DOM or Node globals here.' }))

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      'coverage/',
      'test-results/',
      'playwright-report/',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src-renderer/**/*.{ts,vue}', 'e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['core/**/*.ts', 'src-main/**/*.ts', 'src-renderer/**/*.{ts,vue}'],
    ignores: notShipped,
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupportImport] }] },
  },
  ...layerRules,
  {
    // Only what adapts core to Node (the worker's entry, the CLI, core/node) may touch Node's globals.
    files: ['core/**/*.ts'],
    ignores: ['core/worker.ts', 'core/cli.ts', 'core/cli/**', 'core/node/**', ...notShipped],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-globals': ['error', ...domGlobals] },
  },
  // The renderer reaches the preload bridge only through api/: `window.calculus` is read in src-renderer/api/ only (desktopBridge / isDesktop in api/desktop.ts);
  // tests may install a fake bridge.
  {
    files: ['src-renderer/**/*.{ts,vue}'],
    ignores: ['src-renderer/api/**', '**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['window', 'globalThis', 'self'].map((object) => ({
          object,
          property: 'calculus',
          message:
            'Reach the desktop bridge through src-renderer/api/desktop.ts (desktopBridge, isDesktop).',
        })),
      ],
    },
  },
  prettier,
)
