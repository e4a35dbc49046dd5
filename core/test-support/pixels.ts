/**
 * Reading pixels of a decoded image, for the tests that check exported PNGs (the CLI's and the app's):
 * an RGBA8 bitmap as pngjs decodes it. Tests only; the app never inspects its own output.
 */
export interface Bitmap {
  width: number
  height: number
  data: Uint8Array
}

export type Rgba = [number, number, number, number]

export function pixel(image: Bitmap, x: number, y: number): Rgba {
  const i = (image.width * y + x) * 4
  return [...image.data.subarray(i, i + 4)] as Rgba
}

/** The four corner pixels: top left, top right, bottom left, bottom right. */
export function corners(image: Bitmap): Rgba[] {
  const right = image.width - 1
  const bottom = image.height - 1
  return [
    pixel(image, 0, 0),
    pixel(image, right, 0),
    pixel(image, 0, bottom),
    pixel(image, right, bottom),
  ]
}

/** How many opaque pixels are within `tolerance` of a colour (anti-aliased edges excluded). */
export function countColor(
  image: Bitmap,
  [r, g, b]: [number, number, number],
  tolerance = 6,
): number {
  let n = 0
  const d = image.data
  for (let i = 0; i < d.length; i += 4) {
    if (
      Math.abs(d[i]! - r) <= tolerance &&
      Math.abs(d[i + 1]! - g) <= tolerance &&
      Math.abs(d[i + 2]! - b) <= tolerance &&
      d[i + 3] === 255
    )
      n++
  }
  return n
}
