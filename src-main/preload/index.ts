import { contextBridge, ipcRenderer } from 'electron'
import { createDesktopApi } from './desktop-api'

// Runs sandboxed, before the page: the only bridge between the page and main.
contextBridge.exposeInMainWorld('calculus', createDesktopApi(ipcRenderer))
