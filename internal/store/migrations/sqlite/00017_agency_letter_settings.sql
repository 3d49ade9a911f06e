-- +goose Up
-- What an agency's letters state beyond its name: the 行政复议 body and the
-- court named in every answer (full names, confirmed by the agency admin),
-- and how a 信息处理费 is paid. No row: not yet confirmed, and letters are
-- refused.
CREATE TABLE agency_letter_settings (
    agency_id    BIGINT PRIMARY KEY REFERENCES agencies(id),
    review_body  TEXT NOT NULL DEFAULT '',
    court        TEXT NOT NULL DEFAULT '',
    payment      TEXT NOT NULL DEFAULT '',
    updated_at   TIMESTAMP NOT NULL
);

-- +goose Down
DROP TABLE agency_letter_settings;
