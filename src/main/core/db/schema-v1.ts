/**
 * Where each article and annotation sits in the tag tree, kept by triggers so
 * that every writer of tags and links (import, bulk tagging, highlights, merges
 * of a teammate's notes, rename, merge, delete) keeps it exact in its own
 * transaction. `tag_nodes` lists each tag's fold and its ancestors' folds
 * ("region/kz/almaty" → "region", "region/kz", "region/kz/almaty"), implicit
 * parents included; `article_tag_nodes` has one row per article per node it is
 * filed under, so "tag X with its children" is one index range and its count a
 * count of that range, with no DISTINCT over the subtree's links, and
 * `tag_node_counts` keeps each node's count of those rows (articles in the
 * trash and tombstoned annotations included: readers subtract those few), so
 * the tag pane reads its counts instead of counting. Triggers
 * cannot use CTEs, so a fold is split into segments with json_each (a '/' never
 * occurs inside a json_quote escape). The library's check verifies both tables
 * (tags/nodes.ts).
 */
export const TAG_NODES_V1 = `
CREATE TABLE tag_nodes (
  tag_id INTEGER NOT NULL,
  node   TEXT NOT NULL,
  PRIMARY KEY (tag_id, node)
) WITHOUT ROWID;
CREATE TABLE article_tag_nodes (
  node          TEXT NOT NULL,
  article_rowid INTEGER NOT NULL,
  PRIMARY KEY (node, article_rowid)
) WITHOUT ROWID;
CREATE TABLE annotation_tag_nodes (
  node             TEXT NOT NULL,
  annotation_rowid INTEGER NOT NULL,
  PRIMARY KEY (node, annotation_rowid)
) WITHOUT ROWID;

CREATE TABLE tag_node_counts (
  node        TEXT PRIMARY KEY,
  articles    INTEGER NOT NULL DEFAULT 0,
  annotations INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TRIGGER article_tag_nodes_count_insert AFTER INSERT ON article_tag_nodes BEGIN
  INSERT INTO tag_node_counts(node, articles) VALUES (NEW.node, 1) ON CONFLICT(node) DO UPDATE SET articles = articles + 1;
END;
CREATE TRIGGER article_tag_nodes_count_delete AFTER DELETE ON article_tag_nodes BEGIN
  UPDATE tag_node_counts SET articles = articles - 1 WHERE node = OLD.node;
  DELETE FROM tag_node_counts WHERE node = OLD.node AND articles = 0 AND annotations = 0;
END;
CREATE TRIGGER annotation_tag_nodes_count_insert AFTER INSERT ON annotation_tag_nodes BEGIN
  INSERT INTO tag_node_counts(node, annotations) VALUES (NEW.node, 1) ON CONFLICT(node) DO UPDATE SET annotations = annotations + 1;
END;
CREATE TRIGGER annotation_tag_nodes_count_delete AFTER DELETE ON annotation_tag_nodes BEGIN
  UPDATE tag_node_counts SET annotations = annotations - 1 WHERE node = OLD.node;
  DELETE FROM tag_node_counts WHERE node = OLD.node AND articles = 0 AND annotations = 0;
END;

CREATE TRIGGER tags_nodes_insert AFTER INSERT ON tags BEGIN
  INSERT OR IGNORE INTO tag_nodes(tag_id, node)
  SELECT NEW.id, substr(NEW.fold, 1, e.key + (SELECT sum(length(s.value)) FROM json_each('[' || replace(json_quote(NEW.fold), '/', '","') || ']') s WHERE s.key <= e.key))
  FROM json_each('[' || replace(json_quote(NEW.fold), '/', '","') || ']') e;
END;
-- Links go first, while the tag's nodes are still there for the link triggers to undo (the foreign-key cascade would find them gone).
CREATE TRIGGER tags_nodes_delete_links BEFORE DELETE ON tags BEGIN
  DELETE FROM article_tags WHERE tag_id = OLD.id;
  DELETE FROM annotation_tags WHERE tag_id = OLD.id;
END;
CREATE TRIGGER tags_nodes_delete AFTER DELETE ON tags BEGIN
  DELETE FROM tag_nodes WHERE tag_id = OLD.id;
END;
-- A rename moves the tag's links from its old nodes to its new ones.
CREATE TRIGGER tags_nodes_rename AFTER UPDATE OF fold ON tags WHEN OLD.fold IS NOT NEW.fold BEGIN
  DELETE FROM article_tag_nodes
  WHERE (node, article_rowid) IN (SELECT n.node, x.article_rowid FROM tag_nodes n JOIN article_tags x ON x.tag_id = n.tag_id WHERE n.tag_id = OLD.id)
    AND NOT EXISTS (SELECT 1 FROM article_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.article_rowid = article_tag_nodes.article_rowid AND y.node = article_tag_nodes.node AND x.tag_id != OLD.id);
  DELETE FROM annotation_tag_nodes
  WHERE (node, annotation_rowid) IN (SELECT n.node, x.annotation_rowid FROM tag_nodes n JOIN annotation_tags x ON x.tag_id = n.tag_id WHERE n.tag_id = OLD.id)
    AND NOT EXISTS (SELECT 1 FROM annotation_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.annotation_rowid = annotation_tag_nodes.annotation_rowid AND y.node = annotation_tag_nodes.node AND x.tag_id != OLD.id);
  DELETE FROM tag_nodes WHERE tag_id = OLD.id;
  INSERT OR IGNORE INTO tag_nodes(tag_id, node)
  SELECT NEW.id, substr(NEW.fold, 1, e.key + (SELECT sum(length(s.value)) FROM json_each('[' || replace(json_quote(NEW.fold), '/', '","') || ']') s WHERE s.key <= e.key))
  FROM json_each('[' || replace(json_quote(NEW.fold), '/', '","') || ']') e;
  INSERT OR IGNORE INTO article_tag_nodes(node, article_rowid)
  SELECT n.node, x.article_rowid FROM tag_nodes n JOIN article_tags x ON x.tag_id = n.tag_id WHERE n.tag_id = NEW.id;
  INSERT OR IGNORE INTO annotation_tag_nodes(node, annotation_rowid)
  SELECT n.node, x.annotation_rowid FROM tag_nodes n JOIN annotation_tags x ON x.tag_id = n.tag_id WHERE n.tag_id = NEW.id;
END;

CREATE TRIGGER article_tags_nodes_insert AFTER INSERT ON article_tags BEGIN
  INSERT OR IGNORE INTO article_tag_nodes(node, article_rowid) SELECT node, NEW.article_rowid FROM tag_nodes WHERE tag_id = NEW.tag_id;
END;
CREATE TRIGGER article_tags_nodes_delete AFTER DELETE ON article_tags BEGIN
  DELETE FROM article_tag_nodes
  WHERE article_rowid = OLD.article_rowid AND node IN (SELECT node FROM tag_nodes WHERE tag_id = OLD.tag_id)
    AND NOT EXISTS (SELECT 1 FROM article_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.article_rowid = OLD.article_rowid AND y.node = article_tag_nodes.node);
END;
CREATE TRIGGER article_tags_nodes_update AFTER UPDATE ON article_tags BEGIN
  DELETE FROM article_tag_nodes
  WHERE article_rowid = OLD.article_rowid AND node IN (SELECT node FROM tag_nodes WHERE tag_id = OLD.tag_id)
    AND NOT EXISTS (SELECT 1 FROM article_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.article_rowid = OLD.article_rowid AND y.node = article_tag_nodes.node);
  INSERT OR IGNORE INTO article_tag_nodes(node, article_rowid) SELECT node, NEW.article_rowid FROM tag_nodes WHERE tag_id = NEW.tag_id;
END;
CREATE TRIGGER annotation_tags_nodes_insert AFTER INSERT ON annotation_tags BEGIN
  INSERT OR IGNORE INTO annotation_tag_nodes(node, annotation_rowid) SELECT node, NEW.annotation_rowid FROM tag_nodes WHERE tag_id = NEW.tag_id;
END;
CREATE TRIGGER annotation_tags_nodes_delete AFTER DELETE ON annotation_tags BEGIN
  DELETE FROM annotation_tag_nodes
  WHERE annotation_rowid = OLD.annotation_rowid AND node IN (SELECT node FROM tag_nodes WHERE tag_id = OLD.tag_id)
    AND NOT EXISTS (SELECT 1 FROM annotation_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.annotation_rowid = OLD.annotation_rowid AND y.node = annotation_tag_nodes.node);
END;
CREATE TRIGGER annotation_tags_nodes_update AFTER UPDATE ON annotation_tags BEGIN
  DELETE FROM annotation_tag_nodes
  WHERE annotation_rowid = OLD.annotation_rowid AND node IN (SELECT node FROM tag_nodes WHERE tag_id = OLD.tag_id)
    AND NOT EXISTS (SELECT 1 FROM annotation_tags x JOIN tag_nodes y ON y.tag_id = x.tag_id
                    WHERE x.annotation_rowid = OLD.annotation_rowid AND y.node = annotation_tag_nodes.node);
  INSERT OR IGNORE INTO annotation_tag_nodes(node, annotation_rowid) SELECT node, NEW.annotation_rowid FROM tag_nodes WHERE tag_id = NEW.tag_id;
END;
`

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

-- Where a long article's top-level blocks start, every ~16 KB of HTML: JSON [[text offset, text byte, HTML offset,
-- HTML byte], …], so the reader can fetch and show the part holding a saved position before the rest. Derived from
-- article_content (rebuilt when missing); see src/main/core/articles/block-index.ts.
CREATE TABLE article_blocks (
  article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
  text_length INTEGER NOT NULL,
  marks TEXT NOT NULL
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
${TAG_NODES_V1}`
