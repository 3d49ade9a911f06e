-- +goose Up
-- Failed logins per client address in the current window (auth.Policy
-- AddressFailures, AddressWindow), kept in the database so that every app
-- node throttles an address alike; a window is forgotten once it ended.
CREATE TABLE login_address_failures (
    address   TEXT PRIMARY KEY,
    failures  INTEGER NOT NULL,
    first_at  TIMESTAMP NOT NULL
);
CREATE INDEX login_address_failures_first_at ON login_address_failures (first_at);

-- +goose Down
DROP TABLE login_address_failures;
