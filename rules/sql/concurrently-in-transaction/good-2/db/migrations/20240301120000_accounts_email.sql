-- +goose NO TRANSACTION
-- +goose Up
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);

-- +goose Down
DROP INDEX CONCURRENTLY accounts_email_idx;
