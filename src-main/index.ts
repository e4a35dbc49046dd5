import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron'
import coreWorkerPath from '../core/worker.ts?modulePath'
import windowIcon from '../assets/icons/256x256.png?asset'
import { MENU_CHANNEL, type MenuCommand } from '../core/protocol/desktop'
import { registerAppScheme, serveAppFiles } from './app-protocol'
import { appLocation, startUrl } from './app-url'
import { CoreHost } from './core-host'
import { openPng, saveNotebook, savePng, type FileDialogs } from './export'
import { registerIpcHandlers } from './ipc'
import { menuTemplate } from './menu'
import { builtPaths, deadlineOverride, outsideAsar } from './paths'
import { contentSecurityPolicy, hardenSession, hardenWebContents } from './security'
import { isTrustedSender } from './sender'
import { createMainWindow, focusWindow } from './window'

/** The app's lifecycle: one instance, one window, one core worker; everything else lives in its module. */

const isDevelopment = !app.isPackaged
const paths = builtPaths(import.meta.dirname)
const location = appLocation(
  paths.rendererIndex,
  isDevelopment ? process.env.ELECTRON_RENDERER_URL : undefined,
)
let mainWindow: BrowserWindow | undefined

const core = new CoreHost({
  spawn: () => new Worker(outsideAsar(coreWorkerPath), { name: 'calculus-core' }),
  deadlineMs: deadlineOverride(app.isPackaged, process.env),
})

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow
  if (target && !target.isDestroyed()) target.webContents.send(MENU_CHANNEL, command)
}

function fileDialogs(window: BrowserWindow | null): FileDialogs {
  return { dialog, window, defaultDirectory: app.getPath('pictures') }
}

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath: paths.preload,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
    // Windows and macOS take the icon from the executable; Linux takes it from the window.
    ...(process.platform === 'linux' ? { iconPath: windowIcon } : {}),
  })
  mainWindow = window
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = undefined
  })
  void window.loadURL(startUrl(location))
}

function start(): void {
  // Every renderer sandboxed, whatever a window's own preferences say.
  app.enableSandbox()
  // Privileged schemes are read once, before ready: app:// gets an origin; file:// stays unprivileged.
  registerAppScheme(protocol)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location))
  app.on('second-instance', () => focusWindow(mainWindow))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
  app.on('will-quit', () => void core.shutdown())

  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, location)
    if (location.kind === 'app')
      serveAppFiles(protocol, location.rendererRoot, contentSecurityPolicy())
    registerIpcHandlers(ipcMain, {
      core,
      savePng: (request, event) =>
        savePng(request, fileDialogs(BrowserWindow.fromWebContents(event.sender))),
      openPng: (event) => openPng(fileDialogs(BrowserWindow.fromWebContents(event.sender))),
      saveNotebook: (request, event) =>
        saveNotebook(request, fileDialogs(BrowserWindow.fromWebContents(event.sender))),
      isTrustedSender: (event) =>
        isTrustedSender(event, location, (id) => mainWindow?.webContents.id === id),
    })
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({ platform: process.platform, isDevelopment, send: sendMenuCommand }),
      ),
    )
    openMainWindow()
  })
}

// A second launch hands its turn to the first instance ('second-instance' above) and leaves.
if (app.requestSingleInstanceLock()) start()
else app.quit()
