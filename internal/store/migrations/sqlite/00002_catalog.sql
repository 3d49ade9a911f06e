-- +goose Up
-- Proactive disclosure: columns (栏目), information items, their history,
-- attachments, scan findings, the agency word lists and the search index.
CREATE TABLE catalog_columns (
    id         INTEGER PRIMARY KEY,
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    parent_id  INTEGER REFERENCES catalog_columns(id),
    name       TEXT NOT NULL,
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX catalog_columns_name ON catalog_columns (agency_id, COALESCE(parent_id, 0), name);

-- The last 索引号 serial handed out per agency and year.
CREATE TABLE catalog_serials (
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    year       INTEGER NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (agency_id, year)
);

-- Dates without a time of day (成文日期, validity) are TEXT YYYY-MM-DD.
CREATE TABLE catalog_items (
    id                INTEGER PRIMARY KEY,
    agency_id         INTEGER NOT NULL REFERENCES agencies(id),
    column_id         INTEGER REFERENCES catalog_columns(id),
    index_no          TEXT NOT NULL UNIQUE,
    publisher         TEXT NOT NULL,
    title             TEXT NOT NULL,
    doc_no            TEXT NOT NULL DEFAULT '',
    body              TEXT NOT NULL DEFAULT '',
    body_text         TEXT NOT NULL DEFAULT '',
    written_on        TEXT NOT NULL,
    published_at      TIMESTAMP,
    scheduled_at      TIMESTAMP,
    topic             TEXT NOT NULL DEFAULT '',
    genre             TEXT NOT NULL DEFAULT '',
    validity          TEXT NOT NULL CHECK (validity IN ('valid', 'repealed', 'expired')),
    valid_from        TEXT NOT NULL DEFAULT '',
    invalid_on        TEXT NOT NULL DEFAULT '',
    article20         INTEGER NOT NULL DEFAULT 0,
    channel           TEXT NOT NULL CHECK (channel IN ('website', 'wechat', 'other')),
    original          BOOLEAN NOT NULL DEFAULT TRUE,
    attribute         TEXT NOT NULL CHECK (attribute IN ('proactive', 'on_request', 'withheld')),
    attribute_reason  TEXT NOT NULL DEFAULT '',
    legal_basis       TEXT NOT NULL DEFAULT '',
    interprets_id     INTEGER REFERENCES catalog_items(id),
    state             TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'reviewed', 'published', 'withdrawn', 'repealed', 'expired')),
    author_id         INTEGER NOT NULL,
    reviewer_id       INTEGER NOT NULL DEFAULT 0,
    override          TEXT NOT NULL DEFAULT '',
    created_at        TIMESTAMP NOT NULL,
    updated_at        TIMESTAMP NOT NULL
);
CREATE INDEX catalog_items_agency_state ON catalog_items (agency_id, state, updated_at);
CREATE INDEX catalog_items_published ON catalog_items (agency_id, published_at);
CREATE INDEX catalog_items_column ON catalog_items (column_id, published_at);
CREATE INDEX catalog_items_due ON catalog_items (state, scheduled_at);
CREATE INDEX catalog_items_interprets ON catalog_items (interprets_id);
-- The portal's lists: an agency's public items, newest first, counted and
-- paged from the index alone (bodies are large).
CREATE INDEX catalog_items_public ON catalog_items (agency_id, attribute, state, published_at);

CREATE TABLE catalog_events (
    id          INTEGER PRIMARY KEY,
    item_id     INTEGER NOT NULL REFERENCES catalog_items(id),
    action      TEXT NOT NULL,
    from_state  TEXT NOT NULL,
    to_state    TEXT NOT NULL,
    actor_id    INTEGER NOT NULL,
    actor       TEXT NOT NULL,
    reason      TEXT NOT NULL DEFAULT '',
    at          TIMESTAMP NOT NULL
);
CREATE INDEX catalog_events_item ON catalog_events (item_id, id);

CREATE TABLE catalog_attachments (
    id            INTEGER PRIMARY KEY,
    item_id       INTEGER NOT NULL REFERENCES catalog_items(id),
    name          TEXT NOT NULL,
    content_type  TEXT NOT NULL,
    size          INTEGER NOT NULL,
    blob_key      TEXT NOT NULL,
    text          TEXT NOT NULL DEFAULT '',
    text_error    TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMP NOT NULL
);
CREATE INDEX catalog_attachments_item ON catalog_attachments (item_id, id);

-- The findings of the latest scan of an item.
CREATE TABLE catalog_findings (
    id           INTEGER PRIMARY KEY,
    item_id      INTEGER NOT NULL REFERENCES catalog_items(id),
    kind         TEXT NOT NULL,
    source       TEXT NOT NULL,
    match        TEXT NOT NULL,
    before_text  TEXT NOT NULL,
    after_text   TEXT NOT NULL
);
CREATE INDEX catalog_findings_item ON catalog_findings (item_id, id);

CREATE TABLE catalog_words (
    agency_id  INTEGER NOT NULL REFERENCES agencies(id),
    word       TEXT NOT NULL,
    PRIMARY KEY (agency_id, word)
);

-- The search index: an item's tokens (see internal/search) in chunks, one
-- row each; the FTS5 table's rowid is catalog_search.id.
CREATE TABLE catalog_search (
    id       INTEGER PRIMARY KEY,
    item_id  INTEGER NOT NULL REFERENCES catalog_items(id),
    chunk    INTEGER NOT NULL
);
CREATE INDEX catalog_search_item ON catalog_search (item_id);
CREATE VIRTUAL TABLE catalog_fts USING fts5(title, body, content='', contentless_delete=1, tokenize='unicode61');

-- +goose Down
DROP TABLE catalog_fts;
DROP TABLE catalog_search;
DROP TABLE catalog_words;
DROP TABLE catalog_findings;
DROP TABLE catalog_attachments;
DROP TABLE catalog_events;
DROP TABLE catalog_items;
DROP TABLE catalog_serials;
DROP TABLE catalog_columns;
