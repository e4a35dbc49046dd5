/// <reference types="vite/client" />
import type { DesktopApi } from '../core/protocol/desktop'
import type { LabTestHook } from './chart/test-hook'

declare global {
  interface Window {
    /** The preload bridge in Electron; absent in the web build. */
    calculus?: DesktopApi
    /** Read-only view of what the chart plots: only in a build made for tests (chart/test-hook.ts). */
    __calculusLab?: LabTestHook
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

export {}
