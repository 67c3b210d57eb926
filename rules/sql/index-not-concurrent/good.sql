CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
DROP INDEX CONCURRENTLY IF EXISTS accounts_legacy_idx;

-- a table this change creates: no one waits on it yet
CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint);
CREATE INDEX invoices_account_idx ON invoices (account_id);
DROP INDEX invoices_account_idx;
