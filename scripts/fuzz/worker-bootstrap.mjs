// @ts-check
/**
 * A worker thread does not inherit tsx's loader on Node 20: this registers it, then runs the TypeScript
 * worker (scripts/fuzz/worker.ts).
 */
import { register } from 'tsx/esm/api'

register()
await import('./worker.ts')
