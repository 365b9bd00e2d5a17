/**
 * Schema version 1. Article bodies live in their own table so that library pages,
 * sorts and filters scan only the small metadata rows. Full-text indexes are
 * contentless FTS5 tables written by the code that writes the rows (see
 * ../search-text.ts): indexed text is normalised (ё→е) before it reaches FTS5, which
 * triggers could not do, and snippets are cut from the stored text instead.
 */
export const SCHEMA_V1 = `
CREATE TABLE articles (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  title        TEXT NOT NULL,
  author       TEXT,
  published    TEXT,
  source       TEXT,
  site         TEXT,
  format       TEXT NOT NULL,
  encoding     TEXT,
  language     TEXT,
  content_hash TEXT NOT NULL,
  word_count   INTEGER NOT NULL DEFAULT 0,
  imported_at  TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  last_read_at TEXT,
  progress     REAL NOT NULL DEFAULT 0,
  is_read      INTEGER NOT NULL DEFAULT 0,
  archived     INTEGER NOT NULL DEFAULT 0,
  note         TEXT NOT NULL DEFAULT '',
  annotation_count INTEGER NOT NULL DEFAULT 0,
  deleted_at   TEXT,
  -- JSON of the imported title/author/published/source, kept at the first manual edit (provenance)
  meta_original TEXT
);
CREATE INDEX articles_hash ON articles(content_hash);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_added ON articles(imported_at, rowid);
CREATE INDEX articles_published ON articles(ifnull(published, ''), rowid);
CREATE INDEX articles_title ON articles(title COLLATE NOCASE, rowid);
CREATE INDEX articles_last_read ON articles(ifnull(last_read_at, ''), rowid);
-- Only the trash: undo finds a deleted batch, and counts subtract the few deleted rows instead of checking every live one.
CREATE INDEX articles_deleted ON articles(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE article_content (
  article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  html TEXT NOT NULL,
  text TEXT NOT NULL
);

CREATE TABLE annotations (
  rowid       INTEGER PRIMARY KEY,
  id          TEXT NOT NULL UNIQUE,
  article_id  TEXT NOT NULL REFERENCES articles(id) ON DELETE RESTRICT,
  start_pos   INTEGER NOT NULL,
  end_pos     INTEGER NOT NULL,
  exact       TEXT NOT NULL,
  prefix      TEXT NOT NULL DEFAULT '',
  suffix      TEXT NOT NULL DEFAULT '',
  color       TEXT NOT NULL DEFAULT 'yellow',
  note        TEXT NOT NULL DEFAULT '',
  creator     TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  deleted_at  TEXT,
  orphaned    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX annotations_article ON annotations(article_id, start_pos);
CREATE INDEX annotations_updated ON annotations(updated_at);
CREATE INDEX annotations_deleted ON annotations(deleted_at) WHERE deleted_at IS NOT NULL;

CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  path       TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- path case-folded beyond ASCII (NOCASE folds only A-Z): the key for uniqueness,
  -- lookup and subtree range scans (fold >= 'p/' AND fold < 'p0'); see tags/fold.ts
  fold       TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL
);
-- Deleted tags with the articles and annotations they were on, so a delete can be undone.
CREATE TABLE tag_trash (
  id         INTEGER PRIMARY KEY,
  deleted_at TEXT NOT NULL,
  tags       TEXT NOT NULL
);
CREATE TABLE article_tags (
  article_rowid INTEGER NOT NULL REFERENCES articles(rowid) ON DELETE CASCADE,
  tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (article_rowid, tag_id)
) WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags(tag_id, article_rowid);
CREATE TABLE annotation_tags (
  annotation_rowid INTEGER NOT NULL REFERENCES annotations(rowid) ON DELETE CASCADE,
  tag_id           INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  PRIMARY KEY (annotation_rowid, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id, annotation_rowid);

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Annotations from a teammate's file whose article is not in this library: kept
-- aside, never dropped, and attached when the article arrives (see core/share).
CREATE TABLE shared_pending (
  id           TEXT PRIMARY KEY,
  source       TEXT,
  content_hash TEXT,
  title        TEXT,
  modified     TEXT NOT NULL,
  deleted      INTEGER NOT NULL DEFAULT 0,
  annotation   TEXT NOT NULL,
  received_at  TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE saved_searches (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  query      TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, author, text,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE annotations_fts USING fts5(
  exact, note,
  content='', contentless_delete=1,
  tokenize='unicode61 remove_diacritics 2'
);
`
