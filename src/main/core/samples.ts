import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Library } from './library'
import { importItems } from './import/pipeline'

const SEEDED_KEY = '_samples_seeded'
export const SAMPLE_FILES = ['news-digest-csto.txt']

/** resources/ of a source checkout; the Electron shell passes its own. */
export const DEFAULT_RESOURCES_DIR = fileURLToPath(new URL('../../../resources/', import.meta.url))

/**
 * Imports the sample articles into a library the app has just created, once per
 * library: the flag stays set when the user deletes the samples, so they never
 * come back uninvited.
 */
export async function seedSamples(lib: Library, resourcesDir = DEFAULT_RESOURCES_DIR): Promise<boolean> {
  if (!lib.created || lib.getSetting(SEEDED_KEY)) return false
  lib.write(() => lib.setSetting(SEEDED_KEY, new Date().toISOString()))
  await importItems(
    lib,
    SAMPLE_FILES.map((f) => ({
      name: f,
      source: `scholia:sample/${f}`,
      load: async () => new Uint8Array(await readFile(join(resourcesDir, f)))
    })),
    { tags: ['sample'] }
  )
  return true
}
