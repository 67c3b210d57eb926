BEGIN;
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
COMMIT;
