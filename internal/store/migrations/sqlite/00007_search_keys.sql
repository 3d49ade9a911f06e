-- +goose Up
-- The search index is rebuilt (store.DB.rebuildSearchIndex, run after the
-- migrations when search_index.version is behind): one row an item, its
-- FTS5 rowid the item's sort key (publication second << 30 | item id), so
-- that newest-first pages stop early; a prefix index for one-character
-- queries; filter tokens for column, 主题分类, 体裁分类 and 有效性.
DROP TABLE catalog_fts;
DELETE FROM catalog_search;
CREATE VIRTUAL TABLE catalog_fts USING fts5(title, body, content='', contentless_delete=1,
    tokenize='unicode61', prefix='1');
CREATE TABLE search_index (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO search_index (id, version) VALUES (1, 0);

-- +goose Down
DROP TABLE search_index;
DROP TABLE catalog_fts;
DELETE FROM catalog_search;
CREATE VIRTUAL TABLE catalog_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');
