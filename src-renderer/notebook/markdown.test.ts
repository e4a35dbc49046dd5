import { describe, expect, it } from 'vitest'
import { renderMarkdown } from './markdown'

describe('markdown cells', () => {
  it('renders headings, emphasis and code as Jupyter does', () => {
    const html = renderMarkdown('## Derivatives\n\nCall **backward** on `y`.')
    expect(html).toContain('<h2>Derivatives</h2>')
    expect(html).toContain('<strong>backward</strong>')
    expect(html).toContain('<code>y</code>')
  })

  it('typesets $…$ and $$…$$ with KaTeX, underscores inside math staying math', () => {
    const html = renderMarkdown('Slope $x_1^2$ and\n\n$$\\frac{dy}{dx} = 2x$$')
    expect(html).toContain('class="katex"')
    expect(html).toContain('katex-display')
    expect(html).not.toContain('<em>')
    expect(html).not.toContain('CLMATH')
  })

  it('keeps raw HTML as text: a cell cannot inject a script', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)>')
    expect(html).not.toContain('<script>')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;script&gt;')
  })

  it('refuses javascript: links', () => {
    expect(renderMarkdown('[go](javascript:alert(1))')).not.toContain('href="javascript:')
  })
})
