/**
 * esbuild options for bundling a script to run on plain Node as the app ships it:
 * one ESM file per entry, dependencies left in node_modules. Shared by the kill test's
 * children and the import benchmark's child, so both measure the same kind of build.
 */
export const NODE_BUNDLE_OPTIONS = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'silent',
  // Bundled CommonJS dependencies call require(); give ESM output one.
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" }
} as const
