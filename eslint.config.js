// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import prettier from 'eslint-config-prettier'
import globals from 'globals'

/**
 * Layers by runtime, as VS Code enforces common/browser/node: core/ is our `common`. It may not import
 * Electron, Vue, renderer libraries or Node, nor touch DOM globals. Only the two entry points that adapt it
 * to a runtime (worker.ts, cli.ts), the CLI's own folder, core/node/ (Node-only helpers such as the atomic
 * write that main and the CLI share), and tests beside the code may reach for Node.
 */
const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
]
/** Test support (fakes, generators, pixel readers) is for tests; shipped code never imports it. */
const testSupportImport = {
  group: ['**/test-support/**'],
  message: 'test-support/ is for tests only: shipped code may not import it.',
}
const coreForbiddenImports = {
  paths: [
    { name: 'electron', message: 'core/ runs everywhere: no Electron here.' },
    { name: 'vue', message: 'core/ runs everywhere: no Vue here.' },
    { name: 'pinia', message: 'core/ runs everywhere: no Pinia here.' },
    ...nodeBuiltins.map((name) => ({ name, message: 'core/ runs everywhere: no Node here.' })),
  ],
  patterns: [
    { group: ['node:*'], message: 'core/ runs everywhere: no Node here.' },
    {
      group: ['electron/*', 'vue/*', 'chart.js', 'chart.js/*', 'katex'],
      message: 'core/ runs everywhere.',
    },
    {
      group: ['**/src-main/**', '**/src-renderer/**'],
      message: 'core/ may not depend on the app.',
    },
    testSupportImport,
  ],
}
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
    files: [
      'src-main/**/*.ts',
      'src-renderer/**/*.{ts,vue}',
      'core/worker.ts',
      'core/cli.ts',
      'core/cli/**/*.ts',
      'core/node/**/*.ts',
    ],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupportImport] }] },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['core/worker.ts', 'core/cli.ts', 'core/cli/**', 'core/node/**', 'core/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', coreForbiddenImports],
      'no-restricted-globals': ['error', ...domGlobals],
    },
  },
  prettier,
)
