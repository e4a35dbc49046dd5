import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Rectangle } from 'electron'

/**
 * The main window's size and position, remembered between runs in userData/window-state.json. The file is
 * ours but still read defensively: anything malformed, or a position on a display that is gone (a laptop
 * unplugged from its monitor), falls back to a centred default instead of a window off screen.
 */
export interface WindowState {
  bounds: { width: number; height: number; x?: number; y?: number }
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = {
  bounds: { width: 1280, height: 820 },
  maximized: false,
}
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const

const isInt = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value)

/** Whether at least a 100×50 patch of the window's top (where the title bar is) is on some display. */
function isReachable(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  return workAreas.some((area) => {
    const overlapX =
      Math.min(bounds.x + bounds.width, area.x + area.width) - Math.max(bounds.x, area.x)
    const top = Math.max(bounds.y, area.y)
    const overlapY = Math.min(bounds.y + 50, area.y + area.height) - top
    return overlapX >= 100 && overlapY >= 50
  })
}

export function parseWindowState(raw: unknown, workAreas: readonly Rectangle[]): WindowState {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW_STATE
  const { bounds, maximized } = raw as { bounds?: unknown; maximized?: unknown }
  if (typeof bounds !== 'object' || bounds === null) return DEFAULT_WINDOW_STATE
  const { x, y, width, height } = bounds as Record<string, unknown>
  if (!isInt(width) || !isInt(height)) return DEFAULT_WINDOW_STATE
  const size = {
    width: Math.min(Math.max(width, MIN_WINDOW_SIZE.width), 16384),
    height: Math.min(Math.max(height, MIN_WINDOW_SIZE.height), 16384),
  }
  const wasMaximized = maximized === true
  if (isInt(x) && isInt(y) && isReachable({ x, y, ...size }, workAreas)) {
    return { bounds: { x, y, ...size }, maximized: wasMaximized }
  }
  return { bounds: size, maximized: wasMaximized }
}

export function loadWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')), workAreas)
  } catch {
    return DEFAULT_WINDOW_STATE // first run, or a file we cannot read: start from the default
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves half a JSON file. */
export function saveWindowState(file: string, state: WindowState): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    const temporary = `${file}.${process.pid}.tmp`
    writeFileSync(temporary, JSON.stringify(state))
    renameSync(temporary, file)
  } catch (error) {
    // Forgetting the window size is not worth interrupting a quit for.
    console.warn(`Calculus Lab: could not remember the window size: ${String(error)}`)
  }
}
