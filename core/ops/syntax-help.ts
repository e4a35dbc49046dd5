import { FUNCTION_NAMES, FUNCTIONS, usageOf, type FunctionEntry } from './catalog'

/** One line of the syntax help: what to type, other spellings that mean the same, and a note. */
export interface SyntaxHelpRow {
  readonly write: string
  readonly also: readonly string[]
  readonly note?: string
}

export interface SyntaxHelpSection {
  readonly title: string
  readonly rows: readonly SyntaxHelpRow[]
}

/** What a function's gradient is where the math has none, as PyTorch gives it (see rules*.ts). */
const GRADIENT_NOTES: Partial<Record<(typeof FUNCTION_NAMES)[number], string>> = {
  abs: 'gradient sign(x), 0 at 0',
  relu: 'gradient step(x), 0 at 0',
  floor: 'gradient 0 everywhere, jumps included',
  ceil: 'gradient 0 everywhere, jumps included',
  round: 'ties to even; gradient 0 everywhere',
  sign: 'sign(0) = 0; gradient 0',
  step: '1 for x > 0, else 0 (torch.heaviside(x, 0)); gradient 0',
  frac: 'x − trunc(x); gradient 1 everywhere',
  sqrt: 'gradient +∞ at 0',
}

/**
 * The syntax help the input offers, generated from the catalog (so a new function appears in it by
 * being added there) plus the notation the parser reads.
 */
export function syntaxHelp(): readonly SyntaxHelpSection[] {
  const functions = FUNCTION_NAMES.map((fn) => {
    const entry: FunctionEntry = FUNCTIONS[fn]
    const note = GRADIENT_NOTES[fn]
    const row: SyntaxHelpRow = { write: usageOf(fn), also: entry.spellings }
    return note ? { ...row, note } : row
  })
  return [
    {
      title: 'Numbers, variables and operators',
      rows: [
        { write: '2, .5, 1e-3', also: [] },
        { write: 'pi, e', also: ['π'] },
        { write: 'x, u, v, any single letter', also: [], note: 'each gets a slider' },
        { write: '+ - * /', also: ['−', '×', '·', '÷'] },
        { write: 'x^2', also: ['x ** 2', 'x²', 'x⁻¹'] },
        { write: '2x, 2(x+1), (x+1)(x-1)', also: [], note: 'implicit products' },
        { write: '|x|', also: [], note: 'abs(x)' },
        { write: 'f(x) = x^2', also: ['y = x^2'], note: 'the right side is the function' },
      ],
    },
    { title: 'Functions', rows: functions },
  ]
}
