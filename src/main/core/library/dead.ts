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

/**
 * "Article `a` is live", told from its rowid alone. Walking a sort index, SQLite
 * checks conditions on the index entry before it reads the row, so with this
 * (instead of `a.deleted_at IS NULL`) a filtered page reads only the rows it
 * keeps: a tag on 7 % of the library used to read ~14 rows per row shown.
 */
export const LIVE_ARTICLE = `a.rowid NOT IN (${DEAD_ARTICLES})`
