ALTER TABLE accounts ADD COLUMN account_status text NOT NULL;
UPDATE accounts SET account_status = 'closed' WHERE closed_at IS NOT NULL;
CREATE INDEX accounts_account_status_idx ON accounts (account_status);
ALTER TABLE accounts DROP COLUMN closed_at;
