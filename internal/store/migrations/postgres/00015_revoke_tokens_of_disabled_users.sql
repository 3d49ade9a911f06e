-- +goose Up
-- Disabling a user now revokes its API tokens (store.DB.SetDisabled); before,
-- they were only refused while the user stayed disabled and came back with
-- re-enabling. Revoke those of the users disabled so far, for the same rule.
UPDATE api_tokens SET revoked_at = now()
WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE disabled);

-- +goose Down
-- Revocation is permanent: nothing to undo.
SELECT 1;
