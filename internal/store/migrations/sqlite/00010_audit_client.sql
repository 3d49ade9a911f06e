-- +goose Up
-- The client address of the request behind each change (web.resolveClient:
-- the TCP peer, or the address a trusted proxy forwarded). Entries written
-- before have none; auditlog.Entry.ComputeHash hashes the address only when
-- there is one, so their hashes stand. Number 00010 on both dialects:
-- 00009 is PostgreSQL's search layout 3, which SQLite has no counterpart
-- for, and from here on a change to both schemas takes one number.
ALTER TABLE audit_log ADD COLUMN client TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE audit_log DROP COLUMN client;
