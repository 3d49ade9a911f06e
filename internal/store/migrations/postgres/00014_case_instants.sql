-- +goose Up
-- Four columns of the cases migration (00003) were declared TIMESTAMP,
-- without a time zone, where every other moment in the schema, and SQLite's
-- (the driver keeps TIMESTAMP values as UTC instants), is TIMESTAMPTZ:
-- pgx writes a wall-clock reading in the time's own location into such a
-- column and reads it back as UTC, so a time not already in UTC would
-- come back shifted. The store writes UTC, so the values held are UTC
-- readings: AT TIME ZONE 'UTC' keeps each the same instant. Found by
-- store.TestSchemaParity. PostgreSQL only: SQLite leaves 00012 unused.
ALTER TABLE cases ALTER COLUMN submitted_at TYPE TIMESTAMPTZ USING submitted_at AT TIME ZONE 'UTC';
ALTER TABLE case_events ALTER COLUMN at TYPE TIMESTAMPTZ USING at AT TIME ZONE 'UTC';
ALTER TABLE case_letters ALTER COLUMN created_at TYPE TIMESTAMPTZ USING created_at AT TIME ZONE 'UTC';
ALTER TABLE letter_templates ALTER COLUMN updated_at TYPE TIMESTAMPTZ USING updated_at AT TIME ZONE 'UTC';

-- +goose Down
ALTER TABLE letter_templates ALTER COLUMN updated_at TYPE TIMESTAMP USING updated_at AT TIME ZONE 'UTC';
ALTER TABLE case_letters ALTER COLUMN created_at TYPE TIMESTAMP USING created_at AT TIME ZONE 'UTC';
ALTER TABLE case_events ALTER COLUMN at TYPE TIMESTAMP USING at AT TIME ZONE 'UTC';
ALTER TABLE cases ALTER COLUMN submitted_at TYPE TIMESTAMP USING submitted_at AT TIME ZONE 'UTC';
