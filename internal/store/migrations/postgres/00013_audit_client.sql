-- +goose Up
-- The client address of the request behind each change (web.resolveClient:
-- the TCP peer, or the address a trusted proxy forwarded). Entries written
-- before have none; auditlog.Entry.ComputeHash hashes the address only when
-- there is one, so their hashes stand. One number, 00011, on both
-- dialects: a new migration takes the next number free in both folders
-- (main's 00009/00010_attachment_texts took the numbers below), so that a
-- change to both schemas has one version on both.
ALTER TABLE audit_log ADD COLUMN client TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE audit_log DROP COLUMN client;
