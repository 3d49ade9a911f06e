-- +goose Up
-- Case attachments move to the blob store that catalog attachments use
-- (the data folder or a bucket): blob_key names the file there. Rows made
-- before keep their bytes in data until store.DB.MoveCaseAttachments (run
-- by serve and migrate) has copied them out and emptied data.
ALTER TABLE case_attachments ADD COLUMN blob_key TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE case_attachments DROP COLUMN blob_key;
