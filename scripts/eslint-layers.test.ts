import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

/**
 * The project's own lint configuration, run on small snippets placed (by name only) in each layer: every
 * forbidden import is reported, every declared one passes. Removing a layer's declaration, or the rule,
 * makes these fail.
 */
const root = fileURLToPath(new URL('..', import.meta.url))
const eslint = new ESLint({ cwd: root })

/** The problems the layering rules report for `code` as if it were the file at `path`. */
async function layerProblems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) })
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === 'layers/allowed-imports' ||
        message.ruleId === 'no-restricted-imports' ||
        message.ruleId === 'no-restricted-globals',
    )
    .map((message) => `${message.ruleId}: ${message.message}`)
}

const importOf = (specifier: string) => `import '${specifier}'\n`

interface LayerCase {
  file: string
  forbidden: string[]
  allowed: string[]
}

const LAYERS: LayerCase[] = [
  {
    file: 'core/expr/probe.ts',
    forbidden: [
      'vue',
      'electron',
      'node:fs',
      'fs',
      'chart.js',
      '../../src-renderer/format',
      '../../src-main/ipc',
      '../picture/scene',
      '../node/atomic-write',
      '../cli/plot',
    ],
    allowed: ['./ast', '../protocol/api'],
  },
  {
    file: 'core/worker.ts',
    forbidden: ['node:fs', 'node:child_process', '../src-main/core-host'],
    allowed: ['node:worker_threads', './evaluate/service'],
  },
  {
    file: 'core/cli/probe.ts',
    forbidden: ['../../src-renderer/export/render', '../../src-main/export', 'vue', 'electron'],
    allowed: ['node:fs/promises', '@napi-rs/canvas', '../picture/scene', '../node/atomic-write'],
  },
  {
    file: 'core/picture/probe.ts',
    forbidden: ['vue', 'node:fs', '@napi-rs/canvas', 'katex', '../../src-renderer/format'],
    allowed: ['chart.js', './series', '../protocol/api'],
  },
  {
    file: 'core/node/probe.ts',
    forbidden: ['node:child_process', 'electron', '../picture/scene'],
    allowed: ['node:fs/promises', 'node:path', '../protocol/result'],
  },
  {
    file: 'src-main/probe.ts',
    forbidden: [
      '../src-renderer/stores/view',
      'vue',
      'pinia',
      'chart.js',
      'katex',
      '../core/picture/scene',
      '../core/cli/plot',
    ],
    allowed: ['electron', 'node:path', 'fs', '../core/protocol/api', '../core/node/atomic-write'],
  },
  {
    file: 'src-main/preload/probe.ts',
    forbidden: ['node:fs', '../../core/evaluate/service', '../ipc', 'vue'],
    allowed: ['electron', '../../core/protocol/desktop', './desktop-api'],
  },
  {
    file: 'src-renderer/composables/probe.ts',
    forbidden: [
      'electron',
      'node:fs',
      'path',
      '../../src-main/ipc',
      '../../core/cli/plot',
      '../../core/node/atomic-write',
    ],
    allowed: ['vue', 'pinia', 'chart.js', 'katex', '../../core/picture/scene', '../stores/view'],
  },
]

describe('each layer imports only what it declares', () => {
  for (const { file, forbidden, allowed } of LAYERS) {
    it(`${file}: reports ${forbidden.join(', ')}`, async () => {
      for (const specifier of forbidden) {
        const problems = await layerProblems(file, importOf(specifier))
        expect(problems, `${file} importing ${specifier}`).toHaveLength(1)
        expect(problems[0]).toMatch(/^layers\/allowed-imports: .* may not import /)
      }
    })

    it(`${file}: allows ${allowed.join(', ')}`, async () => {
      expect(await layerProblems(file, allowed.map(importOf).join(''))).toEqual([])
    })
  }

  it('reads the imports of a Vue component’s script too', async () => {
    const component = `<script setup lang="ts">\nimport 'electron'\nimport 'vue'\n</script>\n`
    expect(await layerProblems('src-renderer/components/Probe.vue', component)).toEqual([
      expect.stringMatching(/^layers\/allowed-imports: src-renderer\/ may not import 'electron'/),
    ])
  })

  it('checks dynamic imports and re-exports as well as import declarations', async () => {
    const code = `export * from 'vue'\nexport { x } from 'node:fs'\nvoid import('electron')\n`
    expect(await layerProblems('core/expr/probe.ts', code)).toHaveLength(3)
  })
})

describe('shipped code and core’s globals', () => {
  it('no shipped file imports test support', async () => {
    for (const file of ['core/png/probe.ts', 'src-main/probe.ts', 'src-renderer/api/probe.ts']) {
      const depth = '../'.repeat(file.split('/').length - 1)
      const problems = await layerProblems(file, importOf(`${depth}core/test-support/pixels`))
      expect(problems, file).toContainEqual(expect.stringMatching(/^no-restricted-imports: /))
    }
  })

  it('tests may import test support', async () => {
    expect(
      await layerProblems('core/png/probe.test.ts', importOf('../test-support/pixels')),
    ).toEqual([])
  })

  it('core, the picture included, touches no DOM or Node globals', async () => {
    for (const file of ['core/expr/probe.ts', 'core/picture/probe.ts']) {
      const problems = await layerProblems(
        file,
        `export const c = document.createElement('canvas')\n`,
      )
      expect(problems, file).toEqual([expect.stringMatching(/^no-restricted-globals: /)])
    }
  })
})
