-- diesel: metadata.toml beside this file says run_in_transaction = false
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
