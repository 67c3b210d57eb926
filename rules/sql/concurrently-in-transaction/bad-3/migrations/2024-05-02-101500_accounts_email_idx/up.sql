-- diesel: no metadata.toml beside this file, so diesel runs it in a transaction
-- expect: concurrently-in-transaction
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
