-- +goose Up
-- Search index layout 2 (store.DB.searchIndexVersion): every Han character
-- becomes a token beside the bigrams, so a one-character query is one
-- exact token; and the tsvectors stay in the row, compressed if they can
-- be, instead of going to the TOAST table (PostgreSQL moves the largest
-- EXTENDED value out, however small, once a row passes 2 KB: title_tsv
-- too). A search that checks rows one by one (a phrase's positions, the
-- walk newest first) then reads one heap page a row instead of the TOAST
-- index and two TOAST pages. The rebuild that version 2 asks for refills
-- the emptied index.
TRUNCATE catalog_search;
ALTER TABLE catalog_search ALTER COLUMN tsv SET STORAGE MAIN, ALTER COLUMN title_tsv SET STORAGE MAIN;

-- +goose Down
ALTER TABLE catalog_search ALTER COLUMN tsv SET STORAGE EXTENDED, ALTER COLUMN title_tsv SET STORAGE EXTENDED;
