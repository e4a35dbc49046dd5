import { describe, expect, it } from 'vitest'
import { GRAPH_PALETTES } from '../../core/graph/palette'
import type { PlotSession } from '../../core/png/session'
import { freshStores } from '../test-support/stores'
import { graphPicture } from './graph-picture'

const SESSION: PlotSession = {
  expression: 'u*v + u^2',
  point: { u: 1, v: 2 },
  wrt: 'u',
  domain: [-5, 5],
  yRange: null,
  samples: null,
  showSecond: false,
}

describe('graphPicture', () => {
  it('asks the core for the graph at the plotted point and draws it in the theme asked', async () => {
    const client = freshStores()
    const picture = await graphPicture(SESSION, 'dark')
    expect(client.graphs).toEqual([{ expression: 'u*v + u^2', point: { u: 1, v: 2 } }])
    if (!picture.ok || !picture.value) throw new Error('no picture')
    expect(picture.value.svg).toContain(`fill="${GRAPH_PALETTES.dark.background}"`)
    const { size } = picture.value
    expect(picture.value.svg).toContain(`width="${size.width}" height="${size.height}"`)
    // f = u*v + u^2 at (1, 2): the output's data is 3, and ∂f/∂u = v + 2u = 4.
    expect(picture.value.svg).toContain('AddBackward0')
    expect(picture.value.svg).toMatch(/data 3\b/)
    expect(picture.value.svg).toMatch(/grad 4\b/)
  })

  it('has nothing to draw for a function of no variable (autograd records no graph)', async () => {
    freshStores()
    const constant = { ...SESSION, expression: '2 + 3', point: { x: 0 }, wrt: 'x' }
    expect(await graphPicture(constant, 'light')).toEqual({ ok: true, value: null })
    const oneLeaf = await graphPicture({ ...constant, expression: 'x' }, 'light')
    expect(oneLeaf.ok && oneLeaf.value?.size.width).toBeGreaterThan(0)
  })

  it('passes on the core’s diagnostics', async () => {
    freshStores()
    const picture = await graphPicture({ ...SESSION, expression: 'u*' }, 'light')
    expect(picture.ok).toBe(false)
  })
})
