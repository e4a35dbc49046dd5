import { describe, expect, it } from 'vitest'
import type { ChartScene } from '../../core/picture/chart-config'
import { paletteFor } from '../../core/picture/palette'
import { createTestHook } from './test-hook'

const scene: ChartScene = {
  plotted: { f: [{ x: 2, y: 4 }], df: [{ x: 2, y: 4 }], d2f: null },
  tangent: [],
  point: { x: 2, y: 4 },
  wrt: 'x',
  xDomain: [-5, 5],
  yRange: [0, 25],
  showSecond: false,
  palette: paletteFor('light'),
}

describe('the test hook of a build made for tests', () => {
  it('counts draws and hands out copies of what was drawn, while its chart is mounted', () => {
    const probe = createTestHook()
    probe.install()
    const hook = window.__calculusLab
    expect(hook?.renders).toBe(0)
    const marks: (number | null)[] = []
    hook?.onRender((mark) => marks.push(mark.pointX))
    probe.drawn(scene)
    expect([hook?.renders, marks]).toEqual([1, [2]])
    const snapshot = hook?.plotted()
    expect(snapshot).toMatchObject({ wrt: 'x', xDomain: [-5, 5], point: { x: 2, y: 4 } })
    snapshot?.f.push({ x: 9, y: 9 })
    expect(hook?.plotted()?.f).toHaveLength(1)
    probe.uninstall()
    expect(window.__calculusLab).toBeUndefined()
  })
})
