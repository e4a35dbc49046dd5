/** Colours of the chart per theme. f and f′ keep the lab's matplotlib colours (C0 blue, C1 orange). */
export interface ChartPalette {
  f: string
  df: string
  d2f: string
  tangent: string
  point: string
  pointBorder: string
  /** Kinks, jumps and poles the core marks, and PyTorch's convention at a kink. */
  mark: string
  /** Zeros, critical and inflection points. */
  interest: string
  /** Finite differences over f′ and their error plot. */
  fd: string
  grid: string
  axis: string
  text: string
}

export type ResolvedTheme = 'light' | 'dark'

const LIGHT: ChartPalette = {
  f: '#1f77b4',
  df: '#ff7f0e',
  d2f: '#2ca02c',
  tangent: '#5b6472',
  point: '#d62728',
  pointBorder: '#ffffff',
  mark: '#7c3aed',
  interest: '#0f766e',
  fd: '#111827',
  grid: 'rgba(15, 23, 42, 0.08)',
  axis: 'rgba(15, 23, 42, 0.45)',
  text: '#334155',
}

const DARK: ChartPalette = {
  f: '#4ea8ff',
  df: '#ffa040',
  d2f: '#5fd068',
  tangent: '#b7c0cc',
  point: '#ff6b6b',
  pointBorder: '#0f172a',
  mark: '#c4b5fd',
  interest: '#5eead4',
  fd: '#f8fafc',
  grid: 'rgba(226, 232, 240, 0.09)',
  axis: 'rgba(226, 232, 240, 0.45)',
  text: '#cbd5e1',
}

export function paletteFor(theme: ResolvedTheme): ChartPalette {
  return theme === 'dark' ? DARK : LIGHT
}
