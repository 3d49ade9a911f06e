-- +goose Up
-- An attachment's text is read after the upload, by a background job in a
-- sandbox child: 'pending' until then, 'done' once text or text_error is
-- set. A runner claims a pending attachment by stamping text_claimed_at; a
-- claim older than a few minutes (a node that stopped) is taken again.
ALTER TABLE catalog_attachments ADD COLUMN text_state TEXT NOT NULL DEFAULT 'done';
ALTER TABLE catalog_attachments ADD COLUMN text_claimed_at TIMESTAMP;
CREATE INDEX catalog_attachments_pending ON catalog_attachments (id) WHERE text_state = 'pending';

-- +goose Down
DROP INDEX catalog_attachments_pending;
ALTER TABLE catalog_attachments DROP COLUMN text_claimed_at;
ALTER TABLE catalog_attachments DROP COLUMN text_state;
