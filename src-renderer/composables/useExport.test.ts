import { describe, expect, it } from 'vitest'
import { DEFAULT_EXPORT } from '../../core/picture/still-options'
import { shallowRef } from 'vue'
import { freshStores } from '../test-support/stores'
import { useExport } from './useExport'

/** A canvas laid out at `width` × `height` CSS pixels, and not in the document at all. */
function laidOutCanvas(width: number, height: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas')
  canvas.getBoundingClientRect = () => ({ width, height }) as DOMRect
  return canvas
}

describe('useExport', () => {
  it('measures the canvas its owner gives it, not whatever the page holds', () => {
    freshStores()
    document.body.innerHTML = '<div data-testid="plot"><canvas></canvas></div>'
    const canvas = shallowRef<HTMLCanvasElement | null>(laidOutCanvas(640.4, 359.6))
    const { chartSize, exportSize } = useExport(canvas)
    expect(chartSize()).toEqual({ width: 640, height: 360 })
    expect(exportSize({ width: 640, height: 360 }, 3)).toEqual({ width: 1920, height: 1080 })
    canvas.value = null
    expect(chartSize()).toBeNull()
    document.body.innerHTML = ''
  })

  it('has no plot to export before a chart is drawn', async () => {
    freshStores()
    const { exportPng } = useExport(shallowRef(laidOutCanvas(0, 0)))
    expect(await exportPng({ ...DEFAULT_EXPORT, scale: 1 })).toEqual({
      kind: 'failed',
      message: 'There is no plot to export yet.',
    })
  })
})
