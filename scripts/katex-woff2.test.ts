import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { woff2OnlyFonts } from './katex-woff2'

const require = createRequire(import.meta.url)
const katexCss = readFileSync(require.resolve('katex/dist/katex.min.css'), 'utf8')

describe('woff2OnlyFonts', () => {
  it('leaves each of KaTeX’s @font-face rules its woff2 source only', () => {
    const rewritten = woff2OnlyFonts(katexCss)
    const faces = rewritten.match(/@font-face\{[^}]*\}/g) ?? []
    expect(faces.length).toBe(20)
    for (const face of faces) {
      expect(face).toMatch(/src:url\(fonts\/KaTeX_[\w-]+\.woff2\) format\("woff2"\)\}$/)
    }
    expect(rewritten).not.toMatch(/\.ttf\b|\.woff\)/)
    // Nothing but the font lists changes.
    expect(rewritten.replace(/@font-face\{[^}]*\}/g, '')).toBe(
      katexCss.replace(/@font-face\{[^}]*\}/g, ''),
    )
  })
})
