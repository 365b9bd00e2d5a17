/**
 * Rows that no longer count: deleted articles, and annotations that are
 * tombstoned or sit on a deleted article. Each is read through a trash-only
 * partial index (usually empty), so `x NOT IN (…)` costs next to nothing and
 * spares a join to the live row just to check `deleted_at`.
 */
export const DEAD_ARTICLES = 'SELECT rowid FROM articles WHERE deleted_at IS NOT NULL'
export const TOMBSTONED = 'SELECT rowid FROM annotations WHERE deleted_at IS NOT NULL'
export const ON_DELETED_ARTICLES =
  'SELECT n.rowid FROM annotations n WHERE n.article_id IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)'
