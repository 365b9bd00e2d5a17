/// <reference types="vite/client" />
import type { Transport } from '@shared/api'

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}

declare global {
  interface Window {
    /** Present in the Electron app (preload bridge); absent in browser mode. */
    scholia?: Transport
    /** Electron only: the path of a dropped file or folder (empty for data that is not a file). */
    scholiaFiles?: { pathFor(file: File): string }
  }
}
