-- +goose Up
-- An agency's own 主题分类 and 体裁分类 (kind 'theme' or 'genre'). An agency
-- with no rows of a kind uses the built-in defaults (catalog.DefaultTaxonomy).
-- Items store the code, so renaming a label does not touch them.
CREATE TABLE catalog_taxonomy_entries (
    agency_id  BIGINT NOT NULL REFERENCES agencies(id),
    kind       TEXT NOT NULL CHECK (kind IN ('theme', 'genre')),
    code       TEXT NOT NULL,
    label      TEXT NOT NULL,
    position   INTEGER NOT NULL,
    PRIMARY KEY (agency_id, kind, code),
    UNIQUE (agency_id, kind, label)
);

-- +goose Down
DROP TABLE catalog_taxonomy_entries;
