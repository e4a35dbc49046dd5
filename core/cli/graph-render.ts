/**
 * The graph drawn to PNG: the SVG of core/graph/svg.ts (the panel's layout) rasterized by
 * @napi-rs/canvas, at twice its size for sharp text. Loaded with a dynamic import by `graph --out *.png`.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas'

export const GRAPH_PNG_SCALE = 2

export async function rasterizeSvg(
  svg: string,
  width: number,
  height: number,
): Promise<Uint8Array> {
  const image = await loadImage(Buffer.from(svg, 'utf8'))
  const canvas = createCanvas(width * GRAPH_PNG_SCALE, height * GRAPH_PNG_SCALE)
  canvas.getContext('2d').drawImage(image, 0, 0, canvas.width, canvas.height)
  return new Uint8Array(canvas.toBuffer('image/png'))
}
