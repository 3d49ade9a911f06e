-- +goose Up
-- The search index is rebuilt (store.DB.rebuildSearchIndex, run after the
-- migrations when search_index.version is behind). Every row carries its
-- item's sort key (publication second << 30 | item id) and filter tokens
-- for column, 主题分类, 体裁分类 and 有效性 besides the agency's; title_tsv
-- holds the title (with the 文号) and the filter tokens alone: small enough
-- to stay in the row, so "every term in the title" is answered by its own
-- GIN index without reading the large body tsvectors.
DELETE FROM catalog_search;
ALTER TABLE catalog_search ADD COLUMN sort_key BIGINT NOT NULL;
ALTER TABLE catalog_search ADD COLUMN title_tsv TSVECTOR NOT NULL;
CREATE INDEX catalog_search_key ON catalog_search (sort_key);
CREATE INDEX catalog_search_title ON catalog_search USING GIN (title_tsv);
CREATE TABLE search_index (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO search_index (id, version) VALUES (1, 0);

-- +goose Down
DROP TABLE search_index;
DROP INDEX catalog_search_title;
DROP INDEX catalog_search_key;
ALTER TABLE catalog_search DROP COLUMN title_tsv;
ALTER TABLE catalog_search DROP COLUMN sort_key;
