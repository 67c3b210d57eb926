ALTER TABLE accounts ADD COLUMN account_status text;
CREATE INDEX CONCURRENTLY accounts_account_status_idx ON accounts (account_status);
