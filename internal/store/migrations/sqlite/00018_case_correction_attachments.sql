-- +goose Up
-- Attachments an applicant sends with a correction (补正) on the status page
-- are kept beside those of the application, marked so staff tell them apart.
ALTER TABLE case_attachments ADD COLUMN correction BOOLEAN NOT NULL DEFAULT FALSE;

-- +goose Down
ALTER TABLE case_attachments DROP COLUMN correction;
