import type { Library } from '../library'

/**
 * A token that changes whenever the library may have changed: another
 * connection committed (data_version) or this one wrote (total_changes). Cheap
 * enough to check on every call, so derived results can be cached until then.
 */
export function libraryVersion(lib: Library): string {
  const dataVersion = lib.db.pragma('data_version', { simple: true }) as number
  const changes = lib.db.prepare('SELECT total_changes()').pluck().get() as number
  return `${dataVersion}:${changes}`
}
