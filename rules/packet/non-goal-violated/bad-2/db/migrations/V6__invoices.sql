ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2);
-- expect: non-goal-violated
ALTER TABLE accounts RENAME COLUMN billing_pause_until TO paused_until;
-- expect: non-goal-violated
ALTER TABLE accounts ALTER COLUMN billing_pause_until TYPE timestamptz;
-- expect: non-goal-violated
TRUNCATE ledger_entries;
