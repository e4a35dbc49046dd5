import { join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtPaths, deadlineOverride, outsideAsar, TEST_DEADLINE_VARIABLE } from './paths'

describe('paths', () => {
  it('finds the preload and the renderer beside out/main', () => {
    const main = join('/app', 'out', 'main')
    expect(builtPaths(main)).toEqual({
      preload: join('/app', 'out', 'preload', 'index.cjs'),
      rendererIndex: join('/app', 'out', 'renderer', 'index.html'),
    })
  })

  it('runs the worker from app.asar.unpacked in a packaged app and leaves other paths alone', () => {
    const packed = [
      '',
      'opt',
      'app',
      'resources',
      'app.asar',
      'out',
      'main',
      'chunks',
      'worker-1.mjs',
    ].join(sep)
    expect(outsideAsar(packed)).toBe(packed.replace('app.asar', 'app.asar.unpacked'))
    const plain = join('/work', 'out', 'main', 'chunks', 'worker-1.mjs')
    expect(outsideAsar(plain)).toBe(plain)
  })

  it('honours the test-only deadline outside a packaged app only', () => {
    const env = { [TEST_DEADLINE_VARIABLE]: '250' }
    expect(deadlineOverride(false, env)).toBe(250)
    expect(deadlineOverride(true, env)).toBeUndefined()
    expect(deadlineOverride(false, {})).toBeUndefined()
    expect(deadlineOverride(false, { [TEST_DEADLINE_VARIABLE]: '-5' })).toBeUndefined()
    expect(deadlineOverride(false, { [TEST_DEADLINE_VARIABLE]: 'soon' })).toBeUndefined()
  })
})
