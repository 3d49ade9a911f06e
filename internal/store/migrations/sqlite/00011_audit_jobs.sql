-- +goose Up
-- A batch of published reports uploaded to the auditor page, read by
-- background runners file by file; the files' bytes are in the blob store
-- until the job is removed (a week after it was made).
CREATE TABLE audit_jobs (
    id          INTEGER PRIMARY KEY,
    user_id     INTEGER NOT NULL REFERENCES users(id),
    created_at  TIMESTAMP NOT NULL
);
CREATE INDEX audit_jobs_user ON audit_jobs (user_id, id);

-- One file of a job: 'pending' until a runner has read it, then 'done'
-- with the result (audit.Result as JSON) or the reason it was not read.
CREATE TABLE audit_job_files (
    id          INTEGER PRIMARY KEY,
    job_id      INTEGER NOT NULL REFERENCES audit_jobs(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    blob_key    TEXT NOT NULL,
    state       TEXT NOT NULL DEFAULT 'pending',
    claimed_at  TIMESTAMP,
    result      TEXT NOT NULL DEFAULT '',
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_job_files_job ON audit_job_files (job_id, id);
CREATE INDEX audit_job_files_pending ON audit_job_files (id) WHERE state = 'pending';

-- +goose Down
DROP TABLE audit_job_files;
DROP TABLE audit_jobs;
