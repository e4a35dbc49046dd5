/**
 * Lesson prose is plain text with three kinds of marks: `$…$` for inline math, `$$…$$` for displayed math
 * and backticks for code. This splits it into segments a component renders (math with KaTeX).
 */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'math'; latex: string; display: boolean }
  | { kind: 'code'; text: string }

const MARKS = /\$\$([\s\S]+?)\$\$|\$([^$]+?)\$|`([^`]+)`/g

export function splitMathText(source: string): TextSegment[] {
  const segments: TextSegment[] = []
  let last = 0
  for (const match of source.matchAll(MARKS)) {
    const start = match.index
    if (start > last) segments.push({ kind: 'text', text: source.slice(last, start) })
    const [, display, inline, code] = match
    if (display !== undefined) segments.push({ kind: 'math', latex: display.trim(), display: true })
    else if (inline !== undefined) segments.push({ kind: 'math', latex: inline, display: false })
    else segments.push({ kind: 'code', text: code ?? '' })
    last = start + match[0].length
  }
  if (last < source.length) segments.push({ kind: 'text', text: source.slice(last) })
  return segments
}
