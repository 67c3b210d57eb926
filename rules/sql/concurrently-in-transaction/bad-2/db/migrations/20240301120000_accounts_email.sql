-- +goose Up
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);

-- +goose Down
-- expect: concurrently-in-transaction
DROP INDEX CONCURRENTLY accounts_email_idx;
