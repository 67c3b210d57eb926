CREATE INDEX CONCURRENTLY IF NOT EXISTS accounts_account_status_idx ON accounts (account_status);
