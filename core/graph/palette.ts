/**
 * The graph's colours, the app's theme tokens (src-renderer/styles/app.css) for drawings made outside
 * the page (the CLI's SVG and PNG). The panel itself uses the CSS variables.
 */
export interface GraphPalette {
  background: string
  surface: string
  leaf: string
  border: string
  accent: string
  output: string
  text: string
  muted: string
  edge: string
}

export const GRAPH_PALETTES: Record<'light' | 'dark', GraphPalette> = {
  light: {
    background: '#f4f6fa',
    surface: '#ffffff',
    leaf: '#e4eff8',
    border: '#c3ccd9',
    accent: '#1f77b4',
    output: '#d9650b',
    text: '#172033',
    muted: '#5d6b82',
    edge: '#8a97ab',
  },
  dark: {
    background: '#0b1120',
    surface: '#131b2e',
    leaf: '#152a45',
    border: '#33415e',
    accent: '#4ea8ff',
    output: '#ffa040',
    text: '#e4e9f2',
    muted: '#93a1ba',
    edge: '#5a6985',
  },
}
