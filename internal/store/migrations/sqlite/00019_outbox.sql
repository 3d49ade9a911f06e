-- +goose Up
-- Notifications of applicants, written in the transaction of the case step
-- that causes them and sent by background runners: 'pending' until sent
-- ('sent') or given up after too many failures ('failed'). A runner claims
-- a row (claimed_at) so that no other sends it meanwhile; a failure is
-- kept in last_error and tried again at next_attempt_at.
CREATE TABLE outbox (
    id               INTEGER PRIMARY KEY,
    case_id          INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
    channel          TEXT NOT NULL DEFAULT 'email',
    recipient        TEXT NOT NULL,
    query_no         TEXT NOT NULL,
    kind             TEXT NOT NULL,
    text             TEXT NOT NULL,
    path             TEXT NOT NULL,
    state            TEXT NOT NULL DEFAULT 'pending',
    created_at       TIMESTAMP NOT NULL,
    claimed_at       TIMESTAMP,
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP NOT NULL,
    last_error       TEXT NOT NULL DEFAULT '',
    sent_at          TIMESTAMP
);
CREATE INDEX outbox_pending ON outbox (id) WHERE state = 'pending';
CREATE INDEX outbox_case ON outbox (case_id, id);

-- +goose Down
DROP TABLE outbox;
