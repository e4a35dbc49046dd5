#!/usr/bin/env node
// Renders assets/icon.svg (the one source) into every icon the installers need, into assets/icons/:
// PNGs named WxH.png (electron-builder's Linux icon set, also the window icon), icon.ico (Windows: PNG
// entries, allowed since Vista) and icon.icns (macOS: PNG entries). Each size is rendered from the SVG at
// that size, not scaled down from a large bitmap, so the small ones stay sharp. Output is deterministic:
// re-running on the same source changes nothing.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createCanvas, Image } from '@napi-rs/canvas'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const source = readFileSync(join(root, 'assets', 'icon.svg'), 'utf8')
const outDir = join(root, 'assets', 'icons')

export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
/** ICNS element types holding PNG data (Apple's icns format; the @2x ones are the Retina variants). */
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
]

async function renderPng(size) {
  const image = new Image()
  image.src = Buffer.from(
    source.replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`),
  )
  const canvas = createCanvas(size, size)
  canvas.getContext('2d').drawImage(image, 0, 0, size, size)
  return canvas.encode('png')
}

/** ICO: ICONDIR, one ICONDIRENTRY per image, then the PNGs. A size of 256 is written as 0. */
function ico(pngs) {
  const header = Buffer.alloc(6 + 16 * pngs.length)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  let offset = header.length
  pngs.forEach(([size, png], i) => {
    const entry = 6 + 16 * i
    header.writeUInt8(size >= 256 ? 0 : size, entry)
    header.writeUInt8(size >= 256 ? 0 : size, entry + 1)
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(png.length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += png.length
  })
  return Buffer.concat([header, ...pngs.map(([, png]) => png)])
}

/** ICNS: 'icns' + total length, then elements of type + length (including its 8-byte header) + data. */
function icns(elements) {
  const parts = elements.map(([type, png]) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(png.length + 8, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

mkdirSync(outDir, { recursive: true })
const rendered = new Map()
for (const size of PNG_SIZES) {
  const png = await renderPng(size)
  rendered.set(size, png)
  writeFileSync(join(outDir, `${size}x${size}.png`), png)
}
writeFileSync(join(outDir, 'icon.ico'), ico(ICO_SIZES.map((size) => [size, rendered.get(size)])))
writeFileSync(
  join(outDir, 'icon.icns'),
  icns(ICNS_TYPES.map(([type, size]) => [type, rendered.get(size)])),
)
console.log(`icons: ${PNG_SIZES.length} PNGs, icon.ico, icon.icns → ${outDir}`)
