CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_email_idx ON accounts (email);
ALTER TABLE accounts ADD COLUMN IF NOT EXISTS plan text;
BEGIN;
CREATE TABLE plans (id bigint PRIMARY KEY);
COMMIT;
