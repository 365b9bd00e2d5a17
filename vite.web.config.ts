import { resolve } from 'node:path'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'

/** The renderer build, shared by browser mode (this file) and electron-vite. */
export const rendererConfig = {
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [vue()],
  resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false
  }
}

export default defineConfig(rendererConfig)
