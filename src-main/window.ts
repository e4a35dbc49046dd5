import { BrowserWindow, screen } from 'electron'
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState, type WindowState } from './window-state'

export interface MainWindowOptions {
  preloadPath: string
  stateFile: string
  /** A PNG for the window icon where the platform takes it from the window (Linux). */
  iconPath?: string
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea)
  const state = loadWindowState(options.stateFile, workAreas)
  const window = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Calculus Lab',
    backgroundColor: '#ffffff',
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    // The renderer is sandboxed and isolated: it reaches main only through the preload's `window.calculus`,
    // and main checks every message (ipc.ts). Most of these are Electron's defaults; they are written out
    // (literally, so electronegativity can read them) to keep the whole policy in one place.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // A middle-click would otherwise ask for a new window (denied anyway by setWindowOpenHandler).
      disableBlinkFeatures: 'Auxclick',
    },
  })
  if (state.maximized) window.maximize()
  // Shown once painted, so the user never sees an empty white frame.
  window.once('ready-to-show', () => window.show())
  window.on('close', () => saveWindowState(options.stateFile, currentState(window)))
  return window
}

function currentState(window: BrowserWindow): WindowState {
  const { x, y, width, height } = window.getNormalBounds()
  return { bounds: { x, y, width, height }, maximized: window.isMaximized() }
}

/** What a second launch does: bring the first window back instead of opening another app. */
export function focusWindow(window: BrowserWindow | undefined): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
