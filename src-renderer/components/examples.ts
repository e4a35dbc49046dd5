/** The functions offered in the examples menu: the lab's steps first, then a few classics. */
export interface Example {
  expression: string
  label: string
}

export const EXAMPLES: readonly { group: string; items: readonly Example[] }[] = [
  {
    group: 'From the lab',
    items: [
      { expression: 'x^2', label: 'x² — the first derivative' },
      { expression: 'x^2 + 2x + 1', label: 'x² + 2x + 1' },
      { expression: '2x^3 + x', label: '2x³ + x (practice)' },
      { expression: 'u*v + u^2', label: 'uv + u² — partial derivatives' },
      { expression: 'relu(x)', label: 'relu(x)' },
      { expression: 'u*v + (u*v)^2', label: 'uv + (uv)² (practice)' },
    ],
  },
  {
    group: 'Classics',
    items: [
      { expression: 'sin(x)/x', label: 'sin(x)/x' },
      { expression: '1/x', label: '1/x — a pole' },
      { expression: 'tan(x)', label: 'tan(x) — many poles' },
      { expression: 'log(x)', label: 'log(x)' },
      { expression: 'abs(x)', label: '|x|' },
      { expression: 'x^x', label: 'xˣ' },
      { expression: 'sigmoid(x)', label: 'sigmoid(x)' },
    ],
  },
]
