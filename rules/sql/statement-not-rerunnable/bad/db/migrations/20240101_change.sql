-- expect: statement-not-rerunnable
CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
-- expect: statement-not-rerunnable
ALTER TABLE accounts ADD COLUMN plan text;
