-- +goose Up
-- Titles (with the 文号) and the filter tokens in an index of their own, so
-- that "every term in the title" reads the short title posting lists
-- instead of filtering the body's by column (a scan of every item that has
-- the words anywhere). Filled by the rebuild that search_index.version 2
-- asks for (store.DB.rebuildSearchIndex).
CREATE VIRTUAL TABLE catalog_fts_title USING fts5(title, content='', contentless_delete=1,
    tokenize='unicode61', prefix='1');

-- +goose Down
DROP TABLE catalog_fts_title;
