-- +goose Up
-- Search index layout 3 on PostgreSQL (store.DB.searchIndexVersion): GIN
-- indexes grams (search.Grams: every Han character, bigram and trigram and
-- every word, without positions) instead of tsv. A phrase of four
-- characters or more is found through its trigrams, whose posting lists
-- are about as long as the phrase's matches, then checked against tsv's
-- positions; through tsv's bigrams GIN read the long posting lists of
-- every frequent bigram. tsv stays in the row for those checks and for
-- the walk newest first; grams, read by GIN alone, may go to TOAST. Each
-- row also names its agency, so that a search within one agency walks
-- that agency's rows newest first instead of everyone's. The rebuild that
-- version 3 asks for refills the emptied index.
TRUNCATE catalog_search;
DROP INDEX catalog_search_tsv;
ALTER TABLE catalog_search ADD COLUMN grams TSVECTOR NOT NULL;
ALTER TABLE catalog_search ADD COLUMN agency_id BIGINT NOT NULL;
CREATE INDEX catalog_search_grams ON catalog_search USING GIN (grams);
CREATE INDEX catalog_search_agency ON catalog_search (agency_id, sort_key);
-- Each search chooses between GIN and the walk from the planner's estimate
-- of its rarest gram. ANALYZE keeps the grams' most common elements, 1000
-- by default (the rarest above 7 % at a million items), and guesses for
-- the others: 0.5 % for a trigram in 3.4 % of the rows. Ten thousand
-- (down to 1 %) make the estimates of frequent phrases right, for 44 s of
-- ANALYZE at a million items.
ALTER TABLE catalog_search ALTER COLUMN grams SET STATISTICS 1000;

-- +goose Down
TRUNCATE catalog_search;
DROP INDEX catalog_search_agency;
DROP INDEX catalog_search_grams;
ALTER TABLE catalog_search DROP COLUMN agency_id;
ALTER TABLE catalog_search DROP COLUMN grams;
CREATE INDEX catalog_search_tsv ON catalog_search USING GIN (tsv);
