import type { DesktopApi } from '../../core/protocol/desktop'

/**
 * The one place the renderer reads the preload's bridge (`window.calculus`, set by contextBridge in the
 * desktop app). Read at each call rather than once at load, so a test can install or remove a fake bridge.
 * Lint forbids `window.calculus` anywhere else in the renderer.
 */
export function desktopBridge(): DesktopApi | null {
  return window.calculus ?? null
}

/** True in the desktop app (there is a preload bridge), false in the web build. */
export function isDesktop(): boolean {
  return desktopBridge() !== null
}
