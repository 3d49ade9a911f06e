-- +goose Up
-- Administrative reviews and lawsuits over disclosure (part 四 of the
-- annual report). case_id names the disclosure application concerned; it
-- has no foreign key because the cases table comes from another migration.
CREATE TABLE litigation (
    id          INTEGER PRIMARY KEY,
    agency_id   INTEGER NOT NULL REFERENCES agencies(id),
    case_id     INTEGER,
    kind        TEXT NOT NULL CHECK (kind IN ('review', 'litigation_direct', 'litigation_after_review')),
    body        TEXT NOT NULL,
    applicant   TEXT NOT NULL DEFAULT '',
    filed_on    TIMESTAMP NOT NULL,
    stage       TEXT NOT NULL,
    result      TEXT NOT NULL CHECK (result IN ('upheld', 'corrected', 'other', 'pending')),
    decided_on  TIMESTAMP,
    documents   TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    created_at  TIMESTAMP NOT NULL,
    updated_at  TIMESTAMP NOT NULL
);
CREATE INDEX litigation_agency_filed ON litigation (agency_id, filed_on);

-- One annual report per agency and year: the figures staff enter and the
-- prose, as JSON, and where it stands in the workflow.
CREATE TABLE annual_reports (
    id             INTEGER PRIMARY KEY,
    agency_id      INTEGER NOT NULL REFERENCES agencies(id),
    year           INTEGER NOT NULL,
    format         TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('draft', 'signed_off', 'published')),
    entered        TEXT NOT NULL,
    prose          TEXT NOT NULL,
    signed_off_by  INTEGER REFERENCES users(id),
    signed_off_at  TIMESTAMP,
    created_at     TIMESTAMP NOT NULL,
    updated_at     TIMESTAMP NOT NULL,
    UNIQUE (agency_id, year)
);

-- Every published version, frozen: the snapshot is the whole document as
-- JSON, so later changes of the records never alter what was published.
CREATE TABLE annual_report_versions (
    report_id     INTEGER NOT NULL REFERENCES annual_reports(id),
    version       INTEGER NOT NULL,
    published_at  TIMESTAMP NOT NULL,
    published_by  TEXT NOT NULL,
    change_note   TEXT NOT NULL DEFAULT '',
    snapshot      TEXT NOT NULL,
    PRIMARY KEY (report_id, version)
);

-- +goose Down
DROP TABLE annual_report_versions;
DROP TABLE annual_reports;
DROP TABLE litigation;
