import { join, sep } from 'node:path'

/**
 * Where the built pieces sit relative to out/main/index.js (electron.config.ts decides the layout):
 * out/preload/index.cjs, out/renderer/index.html, and the core worker chunk under out/main/chunks/.
 */
export function builtPaths(mainDirectory: string) {
  return {
    preload: join(mainDirectory, '..', 'preload', 'index.cjs'),
    rendererIndex: join(mainDirectory, '..', 'renderer', 'index.html'),
  }
}

/**
 * The worker runs from app.asar.unpacked (package.json build.asarUnpack): a worker thread's module loader
 * is plain Node, which cannot read inside an asar archive on every Electron version and for ES modules.
 * Outside a packaged app the path has no `app.asar` segment and is returned as is.
 */
export function outsideAsar(path: string): string {
  const packed = `${sep}app.asar${sep}`
  return path.includes(packed) ? path.replace(packed, `${sep}app.asar.unpacked${sep}`) : path
}

/** A test-only deadline (the built-app integration test), never honoured by a packaged app. */
export const TEST_DEADLINE_VARIABLE = 'CALCULUS_LAB_TEST_ONLY_DEADLINE_MS'

export function deadlineOverride(isPackaged: boolean, env: NodeJS.ProcessEnv): number | undefined {
  if (isPackaged) return undefined
  const value = Number(env[TEST_DEADLINE_VARIABLE])
  return Number.isSafeInteger(value) && value > 0 ? value : undefined
}
