-- expect: missing-lock-timeout
-- expect: index-not-concurrent
CREATE INDEX IF NOT EXISTS accounts_account_status_idx ON accounts (account_status);
