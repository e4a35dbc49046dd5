import type { PlotSession } from '../png/session'
import { paletteFor, type ChartPalette, type ResolvedTheme } from './palette'
import { formatNumber } from './format'

/** What the learner chooses when exporting a PNG. */
export type ExportScale = 1 | 2 | 3
export type ExportBackground = 'white' | 'transparent' | 'theme'
export interface ExportOptions {
  scale: ExportScale
  background: ExportBackground
  /** Whether the notebook's cells go inside the PNG beside the plot (Open… restores them too). */
  withNotebook: boolean
  /** Whether the computation graph at the point is drawn right of the plot, in the same image. */
  withGraph: boolean
}

export const EXPORT_SCALES: readonly ExportScale[] = [1, 2, 3]
export const EXPORT_BACKGROUNDS: readonly ExportBackground[] = ['white', 'transparent', 'theme']
export const DEFAULT_EXPORT: ExportOptions = {
  scale: 2,
  background: 'white',
  withNotebook: true,
  withGraph: false,
}

/** The options the dialog starts with: an empty notebook has nothing to carry, so it is left out. */
export function initialExportOptions(notebookCells: number): ExportOptions {
  return { ...DEFAULT_EXPORT, withNotebook: DEFAULT_EXPORT.withNotebook && notebookCells > 0 }
}

/** The panel colour of each theme: a theme background looks like the chart on screen. */
const THEME_BACKGROUND: Record<ResolvedTheme, string> = { light: '#ffffff', dark: '#131b2e' }

/** The image is the chart at its on-screen size, `scale` device pixels per CSS pixel. */
export function exportSize(
  chart: { width: number; height: number },
  scale: ExportScale,
): { width: number; height: number } {
  return { width: Math.floor(chart.width * scale), height: Math.floor(chart.height * scale) }
}

/** The fill behind the chart, or null for a transparent image. */
export function backgroundColor(background: ExportBackground, theme: ResolvedTheme): string | null {
  if (background === 'transparent') return null
  return background === 'white' ? '#ffffff' : THEME_BACKGROUND[theme]
}

/** Dark-theme text on a white page would vanish: a white image is drawn in the light colours. */
export function exportPalette(background: ExportBackground, theme: ResolvedTheme): ChartPalette {
  return paletteFor(background === 'white' ? 'light' : theme)
}

/** The graph beside the plot is drawn in the chart's colours: light on white, else the theme's. */
export function graphTheme(background: ExportBackground, theme: ResolvedTheme): ResolvedTheme {
  return background === 'white' ? 'light' : theme
}

/** "f(u, v) = u*v + u^2,  at u = 1, v = 2": the function and the point, for the image's title. */
export function exportTitle(session: PlotSession, variables: readonly string[]): string {
  const names = variables.length > 0 ? variables : [session.wrt]
  const at = names.map((name) => `${name} = ${formatNumber(session.point[name] ?? NaN)}`).join(', ')
  return `f(${names.join(', ')}) = ${session.expression},  at ${at}`
}

/**
 * A file name from the function: letters, digits and a few safe marks kept, the rest folded into
 * hyphens, so it is valid on every file system ("x^2 + 2x" → "calculus-lab-x2-2x.png").
 */
export function suggestedFileName(expression: string): string {
  const stem = expression
    .normalize('NFKD')
    .replace(/\*\*|\^/g, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
  return `calculus-lab${stem ? `-${stem}` : ''}.png`
}
