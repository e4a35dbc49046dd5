import type { Plugin } from 'vite'

/**
 * KaTeX's stylesheet lists each font three times (woff2, woff, ttf), and the bundler ships every file a
 * stylesheet names: about 1 MB of fonts that Chromium (the renderer of Electron and of the web build) never
 * loads, since it reads woff2. This rewrites each @font-face `src` to its woff2 entry before the CSS is
 * bundled, so only the woff2 files are emitted.
 */
const OTHER_FORMATS = /,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\)/g

export function woff2OnlyFonts(css: string): string {
  return css.replace(OTHER_FORMATS, '')
}

export function katexWoff2Only(): Plugin {
  return {
    name: 'calculus-lab:katex-woff2-only',
    // Before Vite's CSS plugin resolves the url()s into emitted assets.
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]katex[\\/]dist[\\/]katex(?:\.min)?\.css(?:\?|$)/.test(id)) return null
      return { code: woff2OnlyFonts(code), map: null }
    },
  }
}
