import katex from 'katex'
import MarkdownIt from 'markdown-it'
import { splitMathText } from '../lessons/math-text'

/**
 * A markdown cell as HTML: markdown-it (CommonMark, raw HTML off, so a cell's `<script>` is text) with
 * `$…$` and `$$…$$` typeset by KaTeX, as Jupyter renders a notebook's markdown. Math is set aside before
 * markdown runs (so `_` and `*` inside it stay math) and put back as KaTeX's HTML after.
 */
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false })

const slot = (index: number) => `CLMATH${index}CLMATH`
const SLOT = /CLMATH(\d+)CLMATH/g

export function renderMarkdown(source: string): string {
  const math: string[] = []
  const text = splitMathText(source)
    .map((segment) => {
      if (segment.kind === 'text') return segment.text
      if (segment.kind === 'code') return `\`${segment.text}\``
      math.push(
        katex.renderToString(segment.latex, {
          throwOnError: false,
          displayMode: segment.display,
          output: 'htmlAndMathml',
        }),
      )
      return slot(math.length - 1)
    })
    .join('')
  return markdown.render(text).replace(SLOT, (_all, index: string) => math[Number(index)] ?? '')
}
