-- +goose Up
-- Applications for government information (依申请公开). Dates of the law
-- (receipt, closing, notices) are calendar days stored as 'YYYY-MM-DD'
-- text, which orders correctly on both engines; the workflow's details
-- (correction, extension, pauses, fee, closing, delivery) are JSON in state.
CREATE TABLE cases (
    id              INTEGER PRIMARY KEY,
    agency_id       BIGINT NOT NULL REFERENCES agencies(id),
    query_no        TEXT NOT NULL UNIQUE,
    secret_hash     TEXT NOT NULL,
    channel         TEXT NOT NULL,
    stage           TEXT NOT NULL,
    applicant_kind  TEXT NOT NULL,
    applicant_name  TEXT NOT NULL,
    id_type         TEXT NOT NULL,
    id_number       TEXT NOT NULL,
    contact         TEXT NOT NULL DEFAULT '',
    phone           TEXT NOT NULL DEFAULT '',
    email           TEXT NOT NULL DEFAULT '',
    address         TEXT NOT NULL DEFAULT '',
    postal          TEXT NOT NULL DEFAULT '',
    description     TEXT NOT NULL,
    doc_number      TEXT NOT NULL DEFAULT '',
    purpose         TEXT NOT NULL DEFAULT '',
    form            TEXT NOT NULL,
    receive         TEXT NOT NULL,
    submitted_at    TIMESTAMP NOT NULL,
    received_on     TEXT,
    closed_on       TEXT,
    outcome         TEXT,
    dup_key         TEXT NOT NULL,
    state           TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX cases_agency_received ON cases (agency_id, received_on);
CREATE INDEX cases_agency_stage ON cases (agency_id, stage);
CREATE INDEX cases_dup ON cases (agency_id, dup_key);

-- The timeline: every step of a case, in order, with the agency that held
-- the case at that step (a transfer keeps the history).
CREATE TABLE case_events (
    id         INTEGER PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases(id),
    agency_id  BIGINT NOT NULL REFERENCES agencies(id),
    at         TIMESTAMP NOT NULL,
    on_day     TEXT NOT NULL DEFAULT '',
    actor      TEXT NOT NULL,
    kind       TEXT NOT NULL,
    note       TEXT NOT NULL
);
CREATE INDEX case_events_case ON case_events (case_id, id);

CREATE TABLE case_attachments (
    id         INTEGER PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases(id),
    name       TEXT NOT NULL,
    mime       TEXT NOT NULL,
    size       BIGINT NOT NULL,
    data       BLOB NOT NULL
);
CREATE INDEX case_attachments_case ON case_attachments (case_id);

-- 文号 sequences, one per agency and year.
CREATE TABLE letter_sequences (
    agency_id  BIGINT NOT NULL REFERENCES agencies(id),
    year       INTEGER NOT NULL,
    last       INTEGER NOT NULL,
    PRIMARY KEY (agency_id, year)
);

-- Letters issued on a case (答复书/告知书 and notices), as issued.
CREATE TABLE case_letters (
    id         INTEGER PRIMARY KEY,
    case_id    BIGINT NOT NULL REFERENCES cases(id),
    agency_id  BIGINT NOT NULL REFERENCES agencies(id),
    kind       TEXT NOT NULL,
    number     TEXT NOT NULL,
    issued_on  TEXT NOT NULL,
    title      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL,
    UNIQUE (agency_id, number)
);
CREATE INDEX case_letters_case ON case_letters (case_id);

-- An agency's own wording of a letter kind; the built-in text otherwise.
CREATE TABLE letter_templates (
    agency_id   BIGINT NOT NULL REFERENCES agencies(id),
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL,
    updated_at  TIMESTAMP NOT NULL,
    PRIMARY KEY (agency_id, kind)
);

-- +goose Down
DROP TABLE letter_templates;
DROP TABLE case_letters;
DROP TABLE letter_sequences;
DROP TABLE case_attachments;
DROP TABLE case_events;
DROP TABLE cases;
