-- +goose Up
-- Holiday schedules loaded by an administrator after the release: a new
-- year's notice, or a correction. They take precedence over the schedules
-- built into the binary for the same year.
CREATE TABLE holiday_schedules (
    year       INTEGER PRIMARY KEY,
    data       TEXT NOT NULL,
    loaded_at  TIMESTAMPTZ NOT NULL,
    loaded_by  TEXT NOT NULL
);

-- +goose Down
DROP TABLE holiday_schedules;
